/// ISO 639-1 language of a text from its script and its most frequent function words.
/// Reads at most `sampleWords` words, so long inputs cost no more than short ones.
enum LanguageDetector {
    static let sampleWords = 3000
    static let sampleBytes = 24_000

    static let latinLanguages = ["en", "de", "fr", "es", "it", "pt", "nl"]

    static let stopWords: [String: Set<String>] = [
        "en": ["the", "and", "of", "to", "in", "is", "that", "for", "on", "with", "was", "as", "by", "it", "are",
               "be", "this", "from", "at", "has", "have", "said", "not", "but", "which", "were", "its", "an", "will"],
        "de": ["der", "die", "und", "das", "ist", "nicht", "den", "von", "zu", "mit", "sich", "des", "auf", "für",
               "im", "dem", "ein", "eine", "auch", "es", "an", "werden", "aus", "er", "hat", "dass", "sie", "nach", "wird"],
        "fr": ["le", "la", "les", "et", "des", "est", "du", "que", "une", "en", "un", "pour", "qui", "dans", "pas",
               "sur", "au", "par", "avec", "ce", "il", "sont", "plus", "ont", "aux", "été", "cette", "mais", "elle"],
        "es": ["el", "la", "los", "las", "y", "de", "que", "en", "un", "una", "por", "con", "para", "es", "del",
               "se", "no", "al", "lo", "como", "más", "pero", "sus", "su", "ha", "fue", "este", "esta", "entre"],
        "it": ["il", "di", "che", "la", "e", "per", "un", "una", "del", "della", "non", "sono", "è", "le", "gli",
               "con", "da", "dei", "nel", "alla", "anche", "come", "più", "ha", "questo", "delle", "si", "al", "ma"],
        "pt": ["o", "a", "os", "as", "de", "que", "em", "um", "uma", "para", "com", "não", "do", "da", "dos", "das",
               "por", "mais", "se", "foi", "ao", "na", "no", "seu", "sua", "também", "é", "pelo", "pela"],
        "nl": ["de", "het", "een", "en", "van", "is", "dat", "op", "te", "in", "niet", "zijn", "met", "voor", "die",
               "er", "ook", "aan", "maar", "door", "om", "wordt", "bij", "nog", "naar", "heeft", "werd", "over"],
        "ru": ["и", "в", "не", "на", "что", "с", "по", "это", "как", "из", "за", "от", "он", "к", "для", "его",
               "также", "был", "была", "были", "но", "который", "которые", "так", "же", "или", "ее", "только", "уже"],
        "uk": ["і", "в", "у", "не", "на", "що", "з", "із", "по", "це", "як", "за", "від", "до", "для", "його",
               "також", "був", "була", "були", "але", "який", "які", "та", "й", "або", "її", "вже", "щоб"],
        "he": ["של", "את", "על", "לא", "הוא", "זה", "עם", "כי", "גם", "היא", "אבל", "או", "אם", "כל", "יש", "מה",
               "אני", "הם", "היה", "בין", "לאחר", "כך", "רק", "עוד", "אך", "אשר"],
        "ar": ["في", "من", "على", "أن", "إلى", "عن", "مع", "هذا", "التي", "الذي", "ما", "لا", "كان", "هذه", "بين",
               "قد", "كما", "أو", "ذلك", "بعد", "إن", "عام", "وقال", "حتى", "لم", "منذ", "قال"],
    ]

    /// What the sampled words showed: letters per script and stop words per language.
    struct Tally: Equatable {
        var latin = 0, cyrillic = 0, hebrew = 0, arabic = 0
        var ukLetters = 0, ruLetters = 0
        /// Stop words matched, by language; languages with none are absent.
        var scores: [String: Int] = [:]
    }

    static func detect(_ texts: [String]) -> String {
        decide(latinScriptTally(texts) ?? characterTally(texts))
    }

    /// The general path: words as runs of letter Characters (grapheme clusters), any script.
    static func characterTally(_ texts: [String]) -> Tally {
        var tally = Tally()
        var seen = 0
        var budget = sampleBytes
        outer: for text in texts {
            guard budget > 0 else { break }
            let sample = text.utf8.count <= budget ? text : String(decoding: text.utf8.prefix(budget), as: UTF8.self)
            budget -= sample.utf8.count
            for word in sample.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "'" }) {
                seen += 1
                if seen > sampleWords { break outer }
                let w = String(word)
                for (lang, set) in stopWords where set.contains(w) { tally.scores[lang, default: 0] += 1 }
                for scalar in w.unicodeScalars {
                    switch scalar.value {
                    case 0x41...0x24F: tally.latin += 1
                    case 0x400...0x4FF:
                        tally.cyrillic += 1
                        if "іїєґ".unicodeScalars.contains(scalar) { tally.ukLetters += 1 }
                        if "ыэъё".unicodeScalars.contains(scalar) { tally.ruLetters += 1 }
                    case 0x590...0x5FF: tally.hebrew += 1
                    case 0x600...0x6FF, 0x750...0x77F: tally.arabic += 1
                    default: break
                    }
                }
            }
        }
        return tally
    }

    static func decide(_ t: Tally) -> String {
        let total = t.latin + t.cyrillic + t.hebrew + t.arabic
        guard total > 0 else { return "en" }
        if t.hebrew * 2 > total { return "he" }
        if t.arabic * 2 > total { return "ar" }
        if t.cyrillic * 2 > total {
            let uk = (t.scores["uk"] ?? 0) + t.ukLetters * 2
            let ru = (t.scores["ru"] ?? 0) + t.ruLetters * 2
            return uk > ru ? "uk" : "ru"
        }
        var best = "en", bestScore = 0
        for lang in latinLanguages {
            let s = t.scores[lang] ?? 0
            if s > bestScore { best = lang; bestScore = s }
        }
        return best
    }
}
