/// Invented news stories for the near-duplicate measurements: ten events, each reported twice by
/// different outlets (same names, places, figures, sometimes the same quote, but written apart), plus
/// five short briefs that reuse a quote. Every sentence here was written for these tests.
enum LabelledStories {
    struct Event {
        var name: String
        var first: [String]
        var second: [String]
        var brief: [String]?
    }

    static let events: [Event] = [
        Event(name: "bridge", first: [
            "PORT ALDER — The Kessler Street bridge closed to all traffic on Monday after inspectors found corrosion eating through two of the steel beams that carry its eastern span.",
            "Mayor Linda Okafor said the city had no choice. \"We will not gamble with people's lives to save a few minutes of driving,\" she told a hastily arranged news conference outside city hall.",
            "About 18,000 vehicles cross the bridge on a normal weekday. Detours will send drivers through the industrial district, and the city asked commuters to allow an extra half hour.",
            "Engineers expect repairs to take at least four months. A temporary ferry between the two harbor landings will run every twenty minutes starting Thursday, free of charge.",
        ], second: [
            "Commuters in Port Alder face months of detours after city officials shut the Kessler Street bridge, a 1960s steel crossing that links the harbor's two shores.",
            "An inspection last week turned up severe rust in the beams under the eastern span, according to a report released by the public works department on Monday afternoon.",
            "\"We will not gamble with people's lives to save a few minutes of driving,\" Mayor Linda Okafor said. Business owners on the east side warned that the closure could cost them customers during the holiday season.",
            "The city plans a free shuttle ferry and says the crossing may reopen in the spring if the steel arrives on time.",
        ], brief: [
            "Port Alder closed the Kessler Street bridge on Monday because of corroded beams. \"We will not gamble with people's lives to save a few minutes of driving,\" Mayor Linda Okafor said. A free ferry starts Thursday.",
        ]),
        Event(name: "strike", first: [
            "Pilots at Northwind Air walked off the job at dawn on Friday, grounding 140 flights and stranding thousands of travelers at the start of a long weekend.",
            "The pilots' union has been negotiating for eleven months over rest periods and pay for reserve duty. Talks collapsed late Thursday when the airline withdrew its latest offer.",
            "\"Tired pilots are a risk nobody should accept, and management knows it,\" said Tomas Reyes, who leads the union's bargaining team.",
            "Northwind said it was rebooking passengers on partner carriers and offering full refunds. The company called the strike unnecessary and said its offer was the best in the industry.",
        ], second: [
            "Thousands of holiday travelers were left without flights on Friday as Northwind Air pilots began a strike that the regional carrier had tried for weeks to avoid.",
            "Departure boards at the airline's hub showed row after row of cancellations. By midday the company had scrapped 140 departures, most of them short domestic hops.",
            "Union negotiator Tomas Reyes said the dispute was about fatigue rules rather than money. Airline executives countered that they had already agreed to most of the union's scheduling demands.",
            "No new talks were scheduled. Passengers were told to check the airline's website before heading to the airport.",
        ], brief: [
            "Northwind Air pilots went on strike Friday and 140 flights were cancelled. \"Tired pilots are a risk nobody should accept, and management knows it,\" union negotiator Tomas Reyes said.",
        ]),
        Event(name: "library", first: [
            "MILLBROOK — A fire tore through the reading room of the Millbrook Public Library overnight, destroying part of a collection of local newspapers that dated back to 1871.",
            "Fire Chief Dana Whitcomb said crews arrived within six minutes of the alarm and kept the flames from spreading to the rare book vault in the basement. No one was inside the building.",
            "Investigators are looking at an electrical fault in a ceiling fixture as the likely cause, Whitcomb said, though she cautioned that it was too early to be sure.",
            "The library will stay closed for at least a month. Volunteers have already offered to help dry and sort the books that survived.",
        ], second: [
            "Residents gathered on Elm Avenue on Wednesday morning to see the blackened windows of the Millbrook Public Library, where a night fire damaged the building's historic reading room.",
            "The town's fire chief, Dana Whitcomb, said firefighters saved the basement vault, which holds first editions and the diaries of the town's founders.",
            "Librarian Gus Petrakis said the loss of old newspaper volumes was painful because many had never been digitized. The library had applied for a scanning grant only last year.",
            "The cause of the fire is under investigation. A fundraiser for the library is planned for Saturday at the community center.",
        ], brief: nil),
        Event(name: "rates", first: [
            "The Bank of Valdoria raised its main interest rate by a quarter of a percentage point to 4.5 percent on Tuesday, its fifth increase in a year, as inflation proved more stubborn than expected.",
            "Governor Ilse Marten said price growth in services was still running well above the bank's target. \"We are not yet confident that inflation is on a path back to two percent,\" she said.",
            "Economists had been split on the decision, with several predicting a pause after weak retail figures last month.",
            "The currency rose slightly against the euro after the announcement, and government bond yields edged higher.",
        ], second: [
            "Borrowers in Valdoria will pay more again after the central bank lifted rates to 4.5 percent, shrugging off signs that the economy is slowing.",
            "\"We are not yet confident that inflation is on a path back to two percent,\" Governor Ilse Marten told reporters in the capital. Mortgage lenders said they would pass the increase on within days.",
            "Opposition politicians criticized the move, arguing that households were already struggling with energy bills and rents.",
            "The bank's next decision is due in six weeks, and markets now expect at least one more increase before the summer.",
        ], brief: [
            "Valdoria's central bank raised rates to 4.5 percent. \"We are not yet confident that inflation is on a path back to two percent,\" Governor Ilse Marten said on Tuesday.",
        ]),
        Event(name: "quake", first: [
            "A magnitude 5.8 earthquake struck the Sarnen Valley shortly after 3 a.m. on Sunday, shaking residents out of bed and setting off landslides that cut the main road to the mountain villages.",
            "Three people were treated for minor injuries, regional officials said. Several old stone houses in the village of Brieg lost their chimneys and parts of their roofs.",
            "The national seismological service recorded more than twenty aftershocks during the morning, the strongest of them measuring 4.1.",
            "Army engineers were sent to clear the road, which is the only route for deliveries to about 2,000 people living higher up the valley.",
        ], second: [
            "Villagers in the upper Sarnen Valley spent Sunday cleaning up fallen stones and broken tiles after the strongest earthquake the area has felt in decades.",
            "The quake, measured at 5.8, loosened slopes above the valley road, and a landslide near Brieg buried a stretch of asphalt under rocks and mud.",
            "\"The whole house was dancing,\" said Maria Anthamatten, an innkeeper in Brieg. \"I grabbed the children and we ran into the street in our pajamas.\"",
            "Regional officials said three people had light injuries. Schools in the valley will stay closed on Monday while engineers inspect the buildings.",
        ], brief: nil),
        Event(name: "club", first: [
            "Redmoor Rovers, the third-division football club that nearly went bankrupt two years ago, has been sold to a consortium led by the investor Priya Sandhu, the club announced on Thursday.",
            "The price was not disclosed, but people familiar with the deal put it at about 30 million pounds, including debts owed to the former owner.",
            "Sandhu said she would invest in the youth academy and repair the stadium's aging main stand. \"This club belongs to the town, and we intend to act like it,\" she said.",
            "Supporters' groups, who had campaigned against the previous owner, cautiously welcomed the sale.",
        ], second: [
            "A consortium headed by Priya Sandhu has bought Redmoor Rovers, ending a long search for new owners at a club that was close to collapse in 2022.",
            "Fans celebrated outside the stadium on Thursday evening, some holding banners thanking the supporters' trust for keeping the club alive during the lean years.",
            "Sandhu, who made her fortune in logistics software, promised to rebuild the main stand and said the women's team would share the first-team training ground.",
            "The league still has to approve the takeover, a process that usually takes about six weeks.",
        ], brief: [
            "Investor Priya Sandhu has bought Redmoor Rovers. \"This club belongs to the town, and we intend to act like it,\" she said on Thursday. The league must still approve the deal.",
        ]),
        Event(name: "drought", first: [
            "Calder County banned the use of garden hoses and sprinklers on Wednesday as the main reservoir fell to 38 percent of capacity after the driest spring on record.",
            "The ban covers lawns, car washing and filling private pools. Farms and commercial nurseries are exempt but must report their water use every week.",
            "Water board chairman Felix Ambrose said the county could run short by September if residents did not cut consumption by a fifth.",
            "Fines for breaking the rules start at 200 dollars. Inspectors will respond to complaints but will not patrol neighborhoods, the board said.",
        ], second: [
            "Brown lawns are about to become the norm in Calder County, where officials imposed a hosepipe ban after months without meaningful rain.",
            "The reservoir that supplies most homes in the county was at 38 percent on Wednesday, compared with about 70 percent at the same time last year.",
            "Felix Ambrose, who chairs the water board, urged people to take shorter showers and fix leaking taps. He said tanker deliveries would be considered only as a last resort.",
            "Some residents questioned why golf courses were still being watered. The board said it would review that exemption next month.",
        ], brief: nil),
        Event(name: "layoffs", first: [
            "Lumenta, the maker of smart lighting systems, said on Monday that it would cut 1,200 jobs, about 15 percent of its workforce, as sales to home builders slowed.",
            "Chief executive Marcus Hale told employees in a memo that the company had hired too quickly during the boom years. \"I own these decisions, and I am sorry,\" he wrote.",
            "The cuts will fall mostly on the sales and marketing teams. Affected staff will receive four months of pay and help finding new work.",
            "Lumenta's shares rose 6 percent in early trading, as investors welcomed the lower costs.",
        ], second: [
            "About 1,200 Lumenta employees learned on Monday that they would lose their jobs, as the lighting company joined a wave of technology firms shrinking after rapid growth.",
            "In an internal memo, Marcus Hale, the chief executive, blamed overexpansion and said the company needed to return to profitability by next year.",
            "Former employees posted on social media that whole teams had been told of the cuts in a ten-minute video call.",
            "Analysts said the cuts could save the company about 150 million dollars a year but warned that slower product development might follow.",
        ], brief: [
            "Lumenta will cut 1,200 jobs. \"I own these decisions, and I am sorry,\" chief executive Marcus Hale wrote in a memo to staff on Monday. Shares rose 6 percent.",
        ]),
        Event(name: "museum", first: [
            "The National Museum of Antiquities returned a bronze head of a young king to the Republic of Tessaly on Friday, more than a century after it was taken by a colonial expedition.",
            "The head, about 30 centimeters tall, was handed over at a ceremony attended by Tessaly's culture minister, Ama Boateng, and the museum's director, Henrik Vos.",
            "Vos said the museum had concluded after a three-year review that the object had been looted. \"It should never have been here,\" he said.",
            "The bronze will be displayed in a new museum in Tessaly's capital that is due to open next year.",
        ], second: [
            "Tessaly's culture minister, Ama Boateng, wept as she lifted the cover from a small bronze head on Friday, the first of dozens of objects the country hopes to recover from foreign museums.",
            "The sculpture of a young king had been held by the National Museum of Antiquities since an expedition carried it away in 1897.",
            "Boateng said the return should be a model for other institutions. Museum director Henrik Vos said provenance research on other pieces in the collection was continuing.",
            "Crowds are expected when the head goes on show in the capital next year.",
        ], brief: nil),
        Event(name: "buses", first: [
            "The Eastfield School District will replace 20 of its diesel school buses with electric models this fall, paid for largely by a 7 million dollar state grant.",
            "Superintendent Rosa Delgado said the buses would serve the district's longest rural routes first, where children spend the most time on board.",
            "Charging stations are being installed at the bus depot on Route 9, and drivers will begin training next month.",
            "The district says the new buses will save about 90,000 dollars a year in fuel and maintenance.",
        ], second: [
            "Children in Eastfield will ride to school on electric buses starting in September, after the district won state money to replace part of its aging diesel fleet.",
            "Twenty new buses are on order. Rosa Delgado, the superintendent, said parents had long complained about diesel fumes at pickup and drop-off.",
            "Some drivers worry about how the batteries will cope with winter cold on the hilly northern routes. The manufacturer has promised a heated battery pack.",
            "The state grant of 7 million dollars covers most of the cost; the rest will come from the district's capital budget.",
        ], brief: nil),
    ]

    /// Paragraphs outlets add to wire copy.
    static let addedParagraphs = [
        "This story has been updated with comments from local officials and additional reporting from our regional desk.",
        "Readers with information about the situation can contact our newsroom by email. Our reporters will continue to follow developments over the coming days.",
        "The announcement comes at a difficult moment for the region, which has faced a series of setbacks this year, from flooding in the spring to job losses at several large employers.",
    ]

    enum Edit: String, CaseIterable {
        case punctuation      // curly quotes, dashes, re-wrapped lines, commas dropped
        case sentenceEdited   // one sentence replaced by a new one
        case paragraphAdded
        case paragraphDropped
        case truncatedToHalf  // a wire copy cut after the first half
        case combined         // punctuation + a sentence edited + a paragraph dropped + a paragraph added
    }

    static func apply(_ edit: Edit, to paragraphs: [String], seed: Int) -> [String] {
        switch edit {
        case .punctuation:
            return paragraphs.map { p in
                var s = p.replacingAll("\"", "\u{201C}").replacingAll(" — ", " -- ").replacingAll(", ", " ,")
                s = s.replacingAll(". ", ".\n")
                return s
            }
        case .sentenceEdited:
            var out = paragraphs
            let i = 1 % out.count
            out[i] = replaceLastSentence(out[i], with: "Officials said more details would be released later in the week.")
            return out
        case .paragraphAdded:
            var out = paragraphs
            out.insert(addedParagraphs[seed % addedParagraphs.count], at: min(2, out.count))
            return out
        case .paragraphDropped:
            var out = paragraphs
            out.remove(at: out.count - 1 - (seed % 2))
            return out
        case .truncatedToHalf:
            return Array(paragraphs.prefix((paragraphs.count + 1) / 2))
        case .combined:
            var out = apply(.punctuation, to: paragraphs, seed: seed)
            out = apply(.sentenceEdited, to: out, seed: seed)
            out.remove(at: out.count - 1)
            out.append(addedParagraphs[(seed + 1) % addedParagraphs.count])
            return out
        }
    }

    private static func replaceLastSentence(_ paragraph: String, with sentence: String) -> String {
        let trimmed = paragraph.dropLast()
        guard let cut = trimmed.lastIndex(where: { $0 == "." || $0 == "?" || $0 == "!" }) else { return sentence }
        return String(paragraph[...cut]) + " " + sentence
    }

    struct Pair {
        var label: String
        var a: [String]
        var b: [String]
        var isNearDuplicate: Bool
    }

    /// 30 near-duplicate pairs and 30 negatives (10 same-event pairs, 5 brief-with-the-same-quote pairs,
    /// 15 unrelated pairs).
    static var pairs: [Pair] {
        var out: [Pair] = []
        let articles = events.flatMap { [($0.name + "/1", $0.first), ($0.name + "/2", $0.second)] }
        for (i, (name, body)) in articles.enumerated() {
            let edit = Edit.allCases[i % Edit.allCases.count]
            out.append(Pair(label: "\(name) \(edit.rawValue)", a: body, b: apply(edit, to: body, seed: i), isNearDuplicate: true))
        }
        for (i, (name, body)) in articles.prefix(10).enumerated() {
            let edit = Edit.allCases[(i + 3) % Edit.allCases.count]
            out.append(Pair(label: "\(name) \(edit.rawValue)", a: body, b: apply(edit, to: body, seed: i + 7), isNearDuplicate: true))
        }
        for event in events {
            out.append(Pair(label: "\(event.name) same event", a: event.first, b: event.second, isNearDuplicate: false))
        }
        for event in events {
            guard let brief = event.brief else { continue }
            out.append(Pair(label: "\(event.name) brief quoting it", a: event.first, b: brief, isNearDuplicate: false))
        }
        for i in 0..<events.count {
            let other = events[(i + 1) % events.count]
            out.append(Pair(label: "\(events[i].name)/1 vs \(other.name)/2", a: events[i].first, b: other.second, isNearDuplicate: false))
        }
        for i in 0..<5 {
            let other = events[i + 5]
            out.append(Pair(label: "\(events[i].name)/2 vs \(other.name)/1", a: events[i].second, b: other.first, isNearDuplicate: false))
        }
        return out
    }
}

extension String {
    fileprivate func replacingAll(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
