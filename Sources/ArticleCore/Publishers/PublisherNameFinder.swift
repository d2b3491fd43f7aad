import Foundation
import TextKit

/// Names an outlet that is not in the publisher table from the way its pages name themselves:
/// the © footer ("© 2024 Millbrook Gazette Media LLC"), a rights line ("Le Quotidien du Sud – Tous droits
/// réservés"), a membership appeal ("joining The Coastal Times Community"), or its domain in an appeal
/// ("helps RNS.org remain").
enum PublisherNameFinder {
    static let legalSuffixes: Set<String> = ["limited", "ltd", "llc", "inc", "company", "co", "gmbh", "plc", "s.l", "s.a",
                                             "sa", "ag", "sl", "corp", "kg", "srl", "bv", "nv"]
    static let rightsPhrases = ["all rights reserved", "tous droits réservés", "todos los derechos reservados",
                                "alle rechte vorbehalten", "tutti i diritti riservati"]

    static func name(inChrome lines: [String]) -> String? {
        for line in lines { if let n = fromCopyright(line) { return n } }
        for line in lines { if let n = fromCommunity(line) { return n } }
        for line in lines { if let n = fromDomain(line) { return n } }
        return nil
    }

    static func fromCopyright(_ line: String) -> String? {
        var rest = Substring(line.trimmingSpaces)
        let lower = rest.lowercased()
        if rest.hasPrefix("\u{00A9}") {
            rest = rest.dropFirst()
        } else if lower.hasPrefix("copyright") {
            rest = rest.dropFirst("copyright".count)
            if rest.trimmingSpaces.hasPrefix("\u{00A9}") { rest = Substring(rest.trimmingSpaces.dropFirst()) }
        } else if let phrase = rightsPhrases.first(where: { lower.contains($0) }), lower.hasPrefix(phrase) == false {
            // "Le Quotidien du Sud – Tous droits réservés."
            let cutAt = lower.range(of: phrase)!.lowerBound
            let offset = lower.distance(from: lower.startIndex, to: cutAt)
            return clean(rest.prefix(offset))
        } else {
            return nil
        }
        return clean(rest)
    }

    static func clean(_ raw: Substring) -> String? {
        var text = String(raw)
        for cut in [" or its ", " and its ", " All rights", " All Rights", " all rights"] {
            if let r = text.range(of: cut) { text = String(text[..<r.lowerBound]) }
        }
        for glued in [", Inc", ", LLC", ", Ltd", ", S.L", ", S.A", ", GmbH"] {
            text = text.replacingOccurrences(of: glued, with: String(glued.dropFirst()))
        }
        var words: [Substring] = []
        for token in text.split(separator: " ") {
            let bare = token.trimmingCharacters(in: [".", ",", ";", ":", "(", ")"])
            if words.isEmpty && (bare.allSatisfy(\.isNumber) || bare == "(c)" || bare.isEmpty) { continue }
            if ["-", "\u{2013}", "\u{2014}", "|", "\u{00B7}"].contains(String(token)) { break }
            words.append(token)
            if token.hasSuffix(",") || token.hasSuffix(".") { break }
            if words.count >= 8 { break }
        }
        var names = words.map { $0.trimmingCharacters(in: [".", ",", ";", ":"]) }
        while let last = names.last, last.allSatisfy(\.isNumber) { names.removeLast() }
        var strippedLegal = false
        while let last = names.last, legalSuffixes.contains(last.lowercased().trimmingCharacters(in: ["."])) {
            names.removeLast()
            strippedLegal = true
        }
        if strippedLegal {
            if names.suffix(2).map({ $0.lowercased() }) == ["media", "group"] { names.removeLast(2) }
            else if names.last?.lowercased() == "media" { names.removeLast() }
        }
        if let first = names.first, ["ediciones", "editions", "edizioni", "verlag"].contains(first.lowercased()) {
            names.removeFirst()
        }
        guard !names.isEmpty, names.count <= 6, names.first?.first?.isUppercase == true else { return nil }
        let name = names.joined(separator: " ")
        return name.count >= 2 ? name : nil
    }

    static func fromCommunity(_ line: String) -> String? {
        for opener in ["joining ", "join "] {
            guard let r = line.range(of: opener) else { continue }
            let rest = line[r.upperBound...]
            guard let end = rest.range(of: " Community") else { continue }
            let name = rest[..<end.lowerBound]
            let words = name.split(separator: " ")
            if (1...5).contains(words.count), words.allSatisfy({ $0.first?.isUppercase == true || $0 == "of" }) {
                return String(name)
            }
        }
        return nil
    }

    static func fromDomain(_ line: String) -> String? {
        for token in line.split(separator: " ") {
            let t = token.trimmingCharacters(in: [",", ";", ":", "(", ")", "\u{201C}", "\u{201D}", "\""])
            for tld in [".org", ".com", ".net", ".co.uk", ".news"] where t.hasSuffix(tld) {
                let stem = t.dropLast(tld.count)
                if stem.count >= 2, stem.allSatisfy({ $0.isLetter || $0.isNumber }), stem.first?.isUppercase == true,
                   !stem.contains(".") {
                    return String(stem)
                }
            }
        }
        return nil
    }
}
