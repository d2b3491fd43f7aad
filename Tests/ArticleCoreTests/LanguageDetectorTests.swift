import Testing
@testable import ArticleCore

@Suite struct LanguageDetectorTests {
    @Test(arguments: [
        ("The government said that it was ready to send more aid to the region and that the talks were over.", "en"),
        ("Die Regierung hat am Montag mitgeteilt, dass sie nicht mit der Opposition sprechen wird und auch keine Pläne hat.", "de"),
        ("Le gouvernement a annoncé que les négociations sont terminées et que la décision est prise pour cette année.", "fr"),
        ("El gobierno dijo que las negociaciones con los países vecinos no han terminado y que la decisión es para el año.", "es"),
        ("Il governo ha detto che la decisione non è stata presa e che le trattative con gli alleati sono ancora in corso.", "it"),
        ("Правительство заявило, что переговоры не закончены и что это решение было принято уже в этом году.", "ru"),
        ("Уряд заявив, що переговори не завершені і що це рішення було ухвалене вже цього року, а також інші.", "uk"),
        ("הממשלה הודיעה כי המשא ומתן לא הסתיים וכי ההחלטה של השר היא גם על כל הצדדים.", "he"),
        ("قالت الحكومة في بيان إن المفاوضات لم تنته وإن القرار الذي اتخذ هذا العام على الطاولة.", "ar"),
        ("", "en"),
    ])
    func detectsTheLanguageOfATextSample(text: String, language: String) {
        #expect(LanguageDetector.detect([text]) == language)
    }
}
