import HTMLKit

/// Decides which elements of a page are chrome around the article: menus, sidebars, share bars, promos.
/// Tags say it (`<nav>`, `<aside>`), roles say it, and class and id names say it ("site-nav",
/// "related-stories", "ad-slot", "newsletterSignup").
enum HTMLChrome {
    enum Verdict: Equatable {
        case none
        /// Chrome even when it wraps the headline (menus, sidebars, comments, related lists).
        case strong
        /// Chrome unless it wraps the headline or most of the page's paragraphs: names like "ad-free",
        /// hidden wrappers around a saved page's content, an ASP.NET `<form>` around everything.
        case weak
    }

    /// Class and id words that mark strong chrome.
    static let strongWords: Set<String> = [
        "nav", "navbar", "navigation", "menu", "menus", "submenu", "megamenu", "share", "shares", "sharing",
        "sharebar", "social", "socials", "related", "comment", "comments", "newsletter", "newsletters", "cookie",
        "cookies", "sidebar", "breadcrumb", "breadcrumbs", "outbrain", "taboola", "recirc", "recirculation",
        "trending", "consent", "gdpr", "disqus",
        // An author's bio box ("author-bio", "contributor-bio") closes columns; it describes the writer, not the story.
        "bio", "bios", "biography",
    ]
    /// Class and id words that mark weak chrome.
    static let weakWords: Set<String> = [
        "footer", "promo", "promos", "promotion", "ad", "ads", "advert", "adverts", "advertisement", "advertising",
        "adslot", "subscribe", "subscription", "signup", "sponsored", "sponsor", "popup", "modal", "tags", "banner",
        // Icon boxes hold a control's label ("View image in fullscreen"), not content.
        "icon", "icons",
        // Call-to-action boxes: "write to us", "send us your story", "join the discussion" appeals set in the body.
        "cta", "ctas",
    ]
    /// Second halves of class words that glue a chrome word to the part of the box they name, as older
    /// templates do ("commenthead", "commentnote", "newsletterbox", "relatedlinks"): the word is chrome
    /// when it is a chrome word followed by one of these.
    static let compoundTails: [[UInt8]] = [
        "head", "header", "note", "notes", "list", "box", "form", "area", "wrap", "wrapper", "container", "block",
        "count", "title", "link", "links", "bar", "item", "items", "panel", "module", "widget", "section", "text",
    ].map { Array($0.utf8) }
    /// Words that make the next word a modifier rather than a name: "has-sidebar", "no-ads".
    static let modifierWords: Set<String> = ["has", "with", "no", "without", "is", "hide"]

    /// First two letters of every chrome word, so most class words are rejected without a set lookup.
    private static let openings: Set<UInt16> = {
        var s = Set<UInt16>()
        for w in strongWords.union(weakWords).union(modifierWords) {
            let u = Array(w.utf8)
            s.insert(UInt16(u[0]) << 8 | UInt16(u.count > 1 ? u[1] : 0))
        }
        return s
    }()

    static func verdict(_ doc: HTMLDocument, _ node: Int, insideArticle: Bool) -> Verdict {
        switch doc.nodes[node].tag {
        case .nav, .aside, .button, .dialog, .input, .label, .option, .fieldset:
            return .strong
        case .form:
            return .weak
        case .header, .footer:
            if !insideArticle { return .weak }
        default:
            break
        }
        guard !doc.nodes[node].range.isEmpty else { return .none }
        if let role = doc.attributeRange(node, "role") {
            for word in ["navigation", "complementary", "search", "dialog", "alertdialog", "menu", "menubar"] as [StaticString]
            where HTMLBytes.equalsLowercased(doc.source, role, word) {
                return .strong
            }
            if !insideArticle && (doc.attribute(node, "role", is: "banner") || doc.attribute(node, "role", is: "contentinfo")) {
                return .weak
            }
        }
        var verdict = Verdict.none
        if let cls = doc.attributeRange(node, "class") { verdict = max(verdict, wordsVerdict(doc.source, cls)) }
        if verdict == .strong { return .strong }
        if let id = doc.attributeRange(node, "id") { verdict = max(verdict, wordsVerdict(doc.source, id)) }
        if verdict == .strong { return .strong }
        // Component-based sites name their boxes in test hooks rather than classes ("promo-box", "NewsletterSignup").
        if let hook = doc.attributeRange(node, "data-testid") { verdict = max(verdict, wordsVerdict(doc.source, hook)) }
        if verdict != .none { return verdict }
        if doc.hasAttribute(node, "hidden") || doc.attribute(node, "aria-hidden", is: "true") { return .weak }
        if let style = doc.attributeRange(node, "style"), hidesElement(doc.source, style) { return .weak }
        return .none
    }

    private static func max(_ a: Verdict, _ b: Verdict) -> Verdict {
        a == .strong || b == .strong ? .strong : (a == .weak || b == .weak ? .weak : .none)
    }

    /// The strongest chrome word among the words of a class or id value. Words split at anything but
    /// letters and digits and at camelCase humps ("adSlot" -> "ad", "slot").
    static func wordsVerdict(_ s: [UInt8], _ range: Range<Int>) -> Verdict {
        var verdict = Verdict.none
        var afterModifier = false
        var start = range.lowerBound
        var k = range.lowerBound
        func word(_ r: Range<Int>) {
            guard r.count >= 2, r.count <= 24 else { afterModifier = false; return }
            let key = UInt16(HTMLBytes.lower(s[r.lowerBound])) << 8 | UInt16(HTMLBytes.lower(s[r.lowerBound + 1]))
            guard openings.contains(key) else { afterModifier = false; return }
            let lower = s[r].map(HTMLBytes.lower)
            let w = String(decoding: lower, as: UTF8.self)
            if modifierWords.contains(w) { afterModifier = true; return }
            if !afterModifier {
                var found = wordVerdict(w)
                if found == .none { found = compoundVerdict(lower) }
                if found == .strong { verdict = .strong } else if found == .weak, verdict == .none { verdict = .weak }
            }
            afterModifier = false
        }
        while k < range.upperBound {
            let b = s[k]
            if !HTMLBytes.isAlphanumeric(b) {
                if k > start { word(start..<k) }
                start = k + 1
            } else if b &- 0x41 < 26, k > start, s[k - 1] &- 0x61 < 26 {
                word(start..<k)
                start = k
            }
            k += 1
        }
        if k > start { word(start..<k) }
        return verdict
    }

    private static func wordVerdict(_ w: String) -> Verdict {
        strongWords.contains(w) ? .strong : (weakWords.contains(w) ? .weak : .none)
    }

    /// A chrome word glued to one of `compoundTails` ("commenthead" -> "comment" + "head").
    private static func compoundVerdict(_ lower: [UInt8]) -> Verdict {
        for tail in compoundTails where lower.count >= tail.count + 2 && lower.suffix(tail.count).elementsEqual(tail) {
            let verdict = wordVerdict(String(decoding: lower.dropLast(tail.count), as: UTF8.self))
            if verdict != .none { return verdict }
        }
        return .none
    }

    /// `display:none` or `visibility:hidden` in an inline style, spaces ignored.
    static func hidesElement(_ s: [UInt8], _ range: Range<Int>) -> Bool {
        var compact: [UInt8] = []
        compact.reserveCapacity(range.count)
        for k in range where !HTMLBytes.isSpace(s[k]) { compact.append(HTMLBytes.lower(s[k])) }
        return HTMLBytes.contains(compact, "display:none") || HTMLBytes.contains(compact, "visibility:hidden")
    }
}
