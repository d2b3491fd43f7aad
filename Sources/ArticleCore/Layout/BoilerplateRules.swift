import TextKit

/// Phrase lists for the page chrome that copy-paste drags along: paywall counters, membership and donation
/// appeals, newsletter and cookie prompts, share buttons, "Read more" links. Lines longer than
/// `maxLineBytes` are never boilerplate, which also keeps the matching linear on huge inputs.
enum BoilerplateRules {
    static let maxLineBytes = 1000

    /// Whole lines (after folding, without trailing punctuation) that are chrome wherever they appear.
    static let exactLines: Set<String> = [
        "advertisement", "advertising", "ad", "sponsored", "sponsored content", "sign in", "log in", "login",
        "sign up", "register", "subscribe", "subscribe now", "share", "share this", "share this article",
        "share this story", "share on facebook", "share on twitter", "share via email", "tweet", "email", "print",
        "facebook", "twitter", "x", "whatsapp", "linkedin", "telegram", "reddit", "copy link", "link copied",
        "comments", "comment", "view comments", "show comments", "join our community", "skip to content",
        "skip to main content", "skip to navigation", "menu", "search", "home", "close", "listen to this article",
        "listen", "save", "save article", "gift this article", "follow", "read more", "read next", "related",
        "related articles", "related stories", "related content", "related topics", "most read", "most popular",
        "more from", "trending", "trending now", "recommended", "recommended stories", "you may also like",
        "top stories", "latest news", "latest stories", "never miss a thing", "thank you", "loading",
        "back to top", "newsletter", "newsletters", "topics", "tags", "more stories", "more on this story",
        "what to read next", "popular", "next article", "previous article", "log out", "my account", "account",
        "accept", "accept all", "reject all", "manage preferences", "cookie settings",
        "view image in fullscreen", "explore more on these topics", "explore more topics", "skip advertisement",
        "share full article", "supported by", "leave a comment", "name (required)", "email (required)",
        "enter your email address", "most viewed", "more", "show more", "print subscriptions", "search jobs",
        "learn more", "___", "more on this story", "related topics", "top picks", "e-edition", "free daily newsletter",
        // French, German, Spanish page furniture.
        "article réservé aux abonnés", "offrir l'article", "lire plus tard", "partager", "contribuer",
        "réutiliser ce contenu", "les plus lus", "lire aussi", "je m'inscris", "s'abonner", "se connecter",
        "artikel anhören", "teilen", "mehr zum thema", "dieses thema im programm", "schlagwörter zum thema",
        "impressum", "datenschutz", "anmelden", "abonnieren", "lea también", "lee sin límites", "seguir leyendo",
        "ya soy suscriptor", "comentarios", "normas", "más información", "archivado en", "ir a los comentarios",
        "copiar enlace", "compartir", "iniciar sesión", "suscríbete", "newsletter abonnieren", "link",
        "suggested topics", "read next", "site index",
    ]

    /// Phrases that make any short line (up to `shortLineWords`) chrome, wherever they sit in it.
    static let chromeContains: [String] = [
        "contributed to this report", "contributed reporting", "appears in print on", "print edition",
        "rights reserved", "droits réservés", "derechos reservados", "rechte vorbehalten", "listen to this article",
        "view image in fullscreen", "privacy notice:", "our morning email", "this content is blocked",
        "join the conversation", "cookies help us", "use of cookies", "utilisons des cookies", "verwenden cookies",
        "utilizamos cookies", "make your inbox", "top local stories", "delivered to your inbox", "min read",
        "über dieses thema berichtete", "suscríbete para seguir", "recevez chaque matin",
        "purchase licensing rights", "opens new tab", "newsletters may contain", "by signing up", "you agree to our",
        "quotes delayed", "a version of this article appears",
    ]
    static let shortLineWords = 60

    /// Line openings that mark chrome ("Read more: ...", "You have read 3 articles this month.").
    static let prefixes: [String] = [
        "read more:", "read more on", "also read:", "read also:", "related:", "see also:", "watch:", "listen:",
        "more:", "recommended:", "follow us on", "follow us", "click here", "sign up for", "sign up to",
        "subscribe to", "subscribe for", "download the app", "download our app", "get the app",
        "already a member", "already a subscriber", "already have an account", "already registered",
        "you have read", "you've read", "you have reached", "you've reached", "register to", "register for",
        "register now", "please register", "please log in", "please sign in", "just before you scroll",
        "this article is for subscribers", "to continue reading", "continue reading", "get the best stories",
        "our standards:", "copyright \u{00A9}", "copyright 20", "copyright (c)", "\u{00A9}", "(c) 20", "all rights reserved", "become a member",
        "become a subscriber", "become a part of", "support our journalism", "support independent journalism",
        "support us", "donate", "make a donation", "we use cookies", "this website uses cookies",
        "this site uses cookies", "by continuing to use", "join our community", "join the conversation",
        "sign in to", "log in to", "get our newsletter", "get the newsletter", "keep reading",
        "thank you. you are a loyal", "thank you for reading", "thank you for supporting", "story continues below",
        "article continues below", "continue reading below", "scroll to continue", "most read", "most popular",
        "more from", "you may also like", "recommended for you", "we've noticed", "we have noticed",
        "it looks like you're using an ad blocker", "want to read more", "unlock this article", "subscribe today",
        "this content is for", "share this article", "share on", "send this article",
        "free newsletter", "sign up now", "breaking news alerts", "get breaking news", "skip to",
        "also read |", "also read:", "lire aussi |", "lire aussi :", "à lire aussi", "lea también:", "mehr zum thema:",
        "weitere informationen", "explore more", "more from", "font size", "text size", "posted in",
        "filed under", "tags:", "topics:", "image source", "image caption", "name (required)",
    ]

    /// Appeal and paywall language; decisive on short lines, and the marker where an article's tail is cut.
    static let phrases: [String] = [
        "articles this month", "free articles", "full access", "unlimited access", "readers like you",
        "support our journalism", "support independent journalism", "support quality journalism",
        "support our quality journalism", "support our work", "support our mission", "support our newsroom",
        "become a member", "become a subscriber", "become a part of our mission", "join our community",
        "community members", "by donating", "donate now", "donate today", "make a donation", "every contribution",
        "count on your support", "the support you provide", "your support", "newsletter", "we use cookies",
        "cookie policy", "cookie settings", "accept all cookies", "privacy policy", "terms of use",
        "terms of service", "all rights reserved", "put up a paywall", "paywall", "ad-free", "sign in to",
        "log in to", "already a member", "dedicated reader", "loyal reader", "breaking news updates",
        "delivered to your inbox", "to your inbox", "sign up for", "subscribe now", "subscribe today",
        "subscription", "subscribers only", "for subscribers", "independent journalism", "quality journalism",
        "journalism we do is costly", "help support", "as little as $", "support us", "donating today",
    ]

    static let foldedPrefixes = PhraseMatcher.PhraseSet(prefixes.map { Array(TextFold.fold($0).utf8) })
    static let foldedChromeContains = PhraseMatcher.PhraseSet(chromeContains.map { Array(TextFold.fold($0).utf8) })
    static let foldedPhrases = PhraseMatcher.PhraseSet(phrases.map { Array(TextFold.fold($0).utf8) })

    /// "27 Comments", "4 min read", "12 shares": a counter, not prose.
    static func isCountLine(_ bare: String) -> Bool {
        // Nearly every line has more than three words: on ASCII the spaces tell without splitting
        // (elsewhere a space may carry a combining mark and not separate Characters).
        var copy = bare
        let asciiParts = copy.withUTF8 { bytes in
            var parts = 0, inPart = false
            for byte in bytes {
                if byte >= 0x80 { return 2 }
                if byte == 0x20 { inPart = false } else if !inPart { inPart = true; parts += 1 }
            }
            return parts
        }
        guard (2...3).contains(asciiParts) else { return false }
        let parts = bare.split(separator: " ")
        if parts.count == 3, ["lecture", "reading", "lesezeit", "lectura"].contains(parts[0]), parts[1].allSatisfy(\.isNumber) {
            return true
        }
        guard (2...3).contains(parts.count), parts[0].allSatisfy(\.isNumber) else { return false }
        return ["comments", "comment", "shares", "min read", "minute read", "reactions", "min", "kommentare", "commentaires",
                "comentarios"].contains(parts.dropFirst().joined(separator: " "))
    }

    enum Verdict: Equatable { case none, chrome, appeal }

    /// The line without the punctuation and spaces that trail it. An ASCII byte after another ASCII byte
    /// is a Character of its own, so those are dropped by byte; anything else is tested as a Character.
    static func withoutTrailingMarks(_ line: String) -> Substring {
        var bare = Substring(line)
        while true {
            let utf8 = bare.utf8
            guard let lastByte = utf8.last else { break }
            let beforeIsASCII = utf8.count == 1 || utf8[utf8.index(utf8.endIndex, offsetBy: -2)] < 0x80
            if lastByte < 0x80 && beforeIsASCII {
                switch lastByte {
                case 0x2E, 0x3A, 0x21, 0x3F, 0x2C, 0x3B, 0x7C, 0x2D, 0x3E, 0x20:
                    bare = Substring(utf8[..<utf8.index(before: utf8.endIndex)])
                    continue
                default:
                    return bare
                }
            }
            guard let last = bare.last, ".:!?,;|-\u{2026}>\u{00BB}".contains(last) || last == " " else { break }
            bare.removeLastCharacter()
        }
        return bare
    }

    /// `.chrome` for lines that are page furniture anywhere; `.appeal` for appeal language that only
    /// condemns a line in the article's tail or when the line is short.
    static func verdict(_ text: String, words: Int) -> Verdict {
        guard text.utf8.count <= maxLineBytes else { return .none }
        return verdict(folded: TextFold.fold(text), words: words)
    }

    /// `verdict` of a line of at most `maxLineBytes` bytes, from its `TextFold.fold` (which the layout
    /// keeps per line, as several rules read it).
    static func verdict(folded: String, words: Int) -> Verdict {
        let bare = withoutTrailingMarks(folded)
        if exactLines.contains(String(bare)) { return .chrome }
        var folded = folded
        return folded.withUTF8 { bytes in
            if foldedPrefixes.opens(bytes) { return words <= 40 ? .chrome : .appeal }
            if words <= shortLineWords {
                if foldedChromeContains.occurs(in: bytes) { return .chrome }
                if isCountLine(String(bare)) { return .chrome }
                if words <= 8 {
                    let hay = PhraseMatcher.Haystack(bytes: Array(bytes))
                    if hay.contains("reported from") || hay.contains("reporting from") { return .chrome }
                }
            }
            if !bytes.contains(where: { PhraseMatcher.isWordByte($0) }) { return .chrome }
            if foldedPhrases.occurs(in: bytes) { return words <= 12 ? .chrome : .appeal }
            return .none
        }
    }
}
