import TextKit

/// Vocabulary of quotation attribution in English news prose.
enum SpeechWords {
    static let verbs: Set<String> = [
        "said", "says", "say", "told", "tells", "added", "adds", "wrote", "writes", "stated", "states", "explained",
        "explains", "noted", "notes", "asked", "asks", "continued", "continues", "insisted", "insists", "tweeted",
        "posted", "declared", "declares", "warned", "warns", "argued", "argues", "claimed", "claims", "replied",
        "responded", "reported", "reports", "recalled", "suggested", "acknowledged", "admitted", "emphasized",
        "emphasised", "stressed", "concluded", "announced", "cautioned", "remarked", "observed", "urged", "vowed",
        "pledged", "predicted", "conceded", "complained", "recounted", "testified", "quipped", "joked", "shouted",
        "wrote", "answered", "agreed", "boasted", "charged", "contended", "countered", "lamented", "maintained",
        "mused", "pointed", "recalls", "reiterated", "tweets", "underlined", "underscored", "affirmed",
        // German, French, Spanish, Italian.
        "sagte", "sagt", "erklärte", "erklärt", "betonte", "betont", "meinte", "so", "dit", "déclare", "explique",
        "affirme", "souligne", "estime", "ajoute", "dijo", "dice", "afirmó", "afirma", "explicó", "explica",
        "señaló", "aseguró", "asegura", "declaró", "añadió", "declarado", "dicho", "explicado", "déclaré", "expliqué",
        "affirmé", "ajouté", "gesagt", "erklärt", "ha detto", "detto", "spiega", "afferma",
        // French verbs of the inverted attribution after a quote: "« … », regrette Sandrine Favre".
        "regrette", "précise", "indique", "rappelle", "assure", "prévient", "reconnaît", "confie", "insiste",
        "poursuit", "raconte", "résume", "commente", "répond", "avertit", "martèle", "dénonce", "déplore",
        "témoigne", "précisé", "indiqué", "rappelé", "assuré", "reconnu", "confié", "raconté", "répondu",
        "regretté", "dénoncé", "déploré",
    ]
    /// Words that may sit between a speaker and the verb: "Blinken later said", "he had told".
    static let adverbs: Set<String> = [
        "also", "later", "then", "previously", "earlier", "recently", "once", "had", "has", "have", "would",
        "reportedly", "further", "again", "separately", "subsequently", "often", "repeatedly", "publicly",
        "privately", "openly", "bluntly", "simply", "flatly", "quickly",
    ]
    /// Auxiliaries of compound past tenses in the inbox's languages.
    static let auxiliaries: Set<String> = ["ha", "a", "hat", "has", "had", "have"]
    static let pronouns: Set<String> = ["he", "she"]
    static let unclearSubjects: Set<String> = ["they", "it", "we", "i", "you", "who", "which", "one", "this", "that"]
    /// Titles and roles written before a name; they are not part of the name.
    static let titles: Set<String> = [
        "president", "vice", "prime", "minister", "secretary", "chancellor", "spokesman", "spokeswoman",
        "spokesperson", "ambassador", "general", "gen", "sen", "senator", "rep", "representative", "governor",
        "mayor", "leader", "chief", "director", "commander", "adviser", "advisor", "official", "envoy", "king",
        "queen", "prince", "princess", "pope", "mr", "mrs", "ms", "dr", "prof", "professor", "lt", "col", "colonel",
        "captain", "capt", "judge", "justice", "premier", "ceo", "founder", "chairman", "chairwoman", "chair",
        "head", "editor", "analyst", "lawmaker", "mk", "rabbi", "foreign", "defense", "defence", "interior",
        "finance", "state", "of", "the", "deputy", "former", "acting", "opposition", "national", "security",
        "council", "attorney", "speaker", "army", "staff", "russian", "ukrainian", "israeli", "american", "u.s.",
        "us", "german", "french", "british", "iranian", "palestinian", "chinese", "economy", "senior", "top",
        "sheikh", "gov", "lieutenant", "major", "maj", "admiral", "adm", "sgt", "sergeant", "brig", "brigadier",
        "colonel", "cardinal", "bishop", "father", "sir", "lord", "lady", "dame", "emir", "sultan", "crown",
        "defense minister", "coach", "manager", "economist", "researcher", "expert", "historian", "author",
        "executive", "officer", "spokesperson", "president", "chair", "union", "branch",
    ]
    /// Title words after which a capitalized run is a person's name.
    static let personTitles: Set<String> = [
        "president", "minister", "secretary", "chancellor", "spokesman", "spokeswoman", "spokesperson",
        "ambassador", "gen", "general", "sen", "senator", "rep", "governor", "mayor", "leader", "chief",
        "director", "commander", "adviser", "advisor", "envoy", "king", "queen", "prince", "pope", "mr", "mrs", "ms",
        "dr", "prof", "professor", "colonel", "col", "judge", "justice", "premier", "ceo", "founder", "chairman",
        "chairwoman", "lawmaker", "mk", "rabbi", "speaker", "analyst", "lt", "maj", "adm", "sgt", "sheikh", "emir",
        "economist", "researcher", "historian", "editor", "correspondent", "attorney", "counterpart", "aide",
    ]
    static let nameParticles: Set<String> = ["de", "da", "del", "di", "van", "von", "der", "bin", "ibn", "al", "el", "le", "la"]
    /// Role nouns that set a person's apposition off after the name ("Tom Aldridge, president of …",
    /// "Jane Doe, head of planning at …"), besides `personTitles`.
    static let roleNouns: Set<String> = [
        "head", "chair", "owner", "manager", "member", "coordinator", "organiser", "organizer", "co-founder",
        "cofounder", "partner", "principal", "treasurer", "superintendent", "commissioner", "councillor", "councilor",
        "lecturer", "engineer", "consultant", "scientist", "resident", "vice-president", "vice-chair", "deputy",
        "executive", "officer", "curator", "campaigner", "coach", "skipper", "farmer", "teacher", "nurse", "doctor",
    ]
    /// The nouns organisations are named with. A capitalised run that ends in one ("the Fremantle Fishing &
    /// Marine Association", "Port Authority") names a body, not a person: it can speak for itself ("the
    /// Port Authority said"), but "he" or "she" never refers to it, and in "said Jane Doe, head of planning at
    /// the Port Authority" the speaker is the person.
    static let institutions: Set<String> = [
        "association", "authority", "agency", "company", "corporation", "council", "committee", "commission",
        "board", "bank", "group", "institute", "institution", "foundation", "trust", "society", "federation",
        "union", "university", "college", "school", "hospital", "museum", "library", "party", "club", "league",
        "alliance", "coalition", "network", "service", "services", "department", "ministry", "office", "bureau",
        "centre", "center", "fund", "partnership", "cooperative", "co-operative", "inc", "ltd", "llc", "plc",
        "assembly", "parliament", "court", "tribunal", "police", "force", "administration", "directorate",
    ]

    /// Whether the capitalised run ends in one of `institutions`.
    static func namesInstitution(_ run: [WordToken]) -> Bool {
        guard let last = run.last else { return false }
        return institutions.contains(last.lower.trimmingPeriods)
    }
}
