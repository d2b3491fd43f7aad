#!/usr/bin/env python3
"""Writes a few hundred varied news articles for charting: several publishers, languages and days,
stories carried by several outlets (exact and edited copies), revisions under the same URL, bylines
and quotes. Deterministic for a given seed; dates are relative to now, so "this week" has rows.

    bi/generate_articles.py OUTDIR [--stories 120] [--seed 13] [--days 21]

JSON files carry their metadata; .txt files are copied page text in a publisher subfolder (the
inbox's publisher hint).
"""
import argparse
import datetime as dt
import json
import os
import random

PUBLISHERS = {
    "en": ["Harbor Gazette", "Valley Times", "Wire Service", "Metro Ledger", "Coastal Herald"],
    "de": ["Stadtanzeiger", "Nordkurier Online"],
    "fr": ["Le Quotidien du Port"],
    "es": ["Diario del Valle"],
}
LANGUAGE_WEIGHTS = [("en", 70), ("de", 14), ("fr", 8), ("es", 8)]

WORDS = {
    "en": {
        "name": ["Linda Okafor", "Tomas Reyes", "Mira Castell", "Jonah Pike", "Ada Brennan", "Samir Haddad",
                 "Grace Lindqvist", "Owen Marsh", "Priya Natarajan", "Felix Aurel", "Nora Quint", "Victor Szabo"],
        "place": ["Port Alder", "Kessler Bay", "North Ridge", "Elm Crossing", "Westmoor", "Saltmarsh", "Greyhaven",
                  "Copper Falls", "Lindenfield", "Eastwick", "Marrow Point", "Juniper Hill"],
        "topic": ["bridge repairs", "pilot strike", "school budget", "harbor dredging", "wildfire season", "water rates",
                  "stadium vote", "transit fares", "hospital merger", "flood barrier", "housing permits", "grain exports"],
        "noun": ["council", "union", "ministry", "court", "agency", "committee", "board", "company", "coalition",
                 "inspectors", "residents", "regulators", "investors", "farmers", "commuters", "teachers"],
        "verb": ["approved", "rejected", "delayed", "questioned", "expanded", "cut", "defended", "reviewed",
                 "announced", "postponed", "doubled", "criticized", "funded", "blocked", "revised", "welcomed"],
        "adj": ["sharp", "unexpected", "modest", "bitter", "lengthy", "narrow", "costly", "quiet", "tense", "rapid"],
        "day": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
        "templates": [
            "{place} {noun} {verb} the plan for {topic} on {day} after a {adj} debate that lasted {n} hours.",
            "Officials in {place} said {n} percent of the {noun} had {verb} the proposal, a {adj} shift from {m}.",
            "The {noun} {verb} a {adj} report on {topic}, estimating the cost at {n} million over {m} years.",
            "{name}, who chairs the {noun} in {place}, {verb} the timetable and promised an answer by {day}.",
            "Critics of the {topic} deal said {m} {noun} in {place} were {verb} without a {adj} hearing.",
            "By {day} evening, {n} {noun} had {verb} the measure and {m} more asked for a {adj} review.",
            "The {adj} vote in {place} follows {m} months of talks between the {noun} and {name}.",
        ],
        "quote": "\u201c{adj_cap} decisions on {topic} cannot wait until {day},\u201d said {name}.",
        "title": ["{place} {noun} {verb} {topic} plan", "{adj_cap} vote on {topic} in {place}",
                  "{name} {verb} {topic} deal", "{topic_cap}: {place} {noun} {verb} {n} million"],
    },
    "de": {
        "name": ["Eva Schulz", "Jonas Brandt", "Mila Hoffmann", "Karl Wendt", "Lea Krüger", "Tobias Rahn"],
        "place": ["Lindenau", "Am Hafen", "Nordstadt", "Altmark", "Westend", "Birkenfeld"],
        "topic": ["Radwege", "Mietpreise", "Hafenausbau", "Schulbau", "Stromnetz", "Busverkehr"],
        "noun": ["Stadtrat", "Verband", "Ministerium", "Gericht", "Vorstand", "Ausschuss"],
        "verb": ["beschlossen", "abgelehnt", "verschoben", "geprüft", "erweitert", "gekürzt"],
        "adj": ["knappe", "lange", "teure", "überraschende", "ruhige", "hitzige"],
        "day": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag"],
        "templates": [
            "Der {noun} in {place} hat am {day} die Pläne für {topic} {verb}, nach einer {adj} Debatte von {n} Stunden.",
            "Nach Angaben der Verwaltung haben {n} Prozent der Mitglieder den Vorschlag {verb}, {m} mehr als erwartet.",
            "{name} sagte, der {noun} habe den Zeitplan für {topic} {verb} und wolle bis {day} entscheiden.",
            "Die Kosten für {topic} in {place} werden auf {n} Millionen Euro über {m} Jahre geschätzt.",
            "Kritiker in {place} sagten, {m} Anträge seien ohne {adj} Anhörung {verb} worden.",
        ],
        "quote": "\u201eÜber {topic} muss bis {day} entschieden werden\u201c, sagte {name}.",
        "title": ["{noun} in {place}: {topic} {verb}", "{topic} in {place} {verb}", "{name} zu {topic}"],
    },
    "fr": {
        "name": ["Claire Dubois", "Julien Moreau", "Inès Garnier", "Hugo Lefèvre"],
        "place": ["Saint-Aubin", "Le Port", "Valmont", "Bellerive"],
        "topic": ["la réforme des transports", "le budget scolaire", "la digue du port", "les loyers"],
        "noun": ["le conseil", "le syndicat", "le ministère", "le tribunal"],
        "verb": ["approuvé", "rejeté", "reporté", "examiné", "élargi"],
        "adj": ["long", "vif", "coûteux", "serré", "discret"],
        "day": ["lundi", "mardi", "mercredi", "jeudi", "vendredi"],
        "templates": [
            "À {place}, {noun} a {verb} {topic} {day} après un débat {adj} de {n} heures.",
            "Selon la mairie, {n} pour cent des membres ont {verb} le projet, soit {m} de plus que prévu.",
            "{name} a déclaré que {noun} avait {verb} le calendrier et répondrait avant {day}.",
            "Le coût de {topic} à {place} est estimé à {n} millions d'euros sur {m} ans.",
        ],
        "quote": "\u00ab Il faut décider de {topic} avant {day} \u00bb, a déclaré {name}.",
        "title": ["{place} : {noun} a {verb} {topic}", "{name} et {topic}"],
    },
    "es": {
        "name": ["Lucía Romero", "Diego Navarro", "Carmen Ibáñez", "Pablo Serrano"],
        "place": ["San Telmo", "Puerto Claro", "Valdelobos", "Las Encinas"],
        "topic": ["el puente del río", "las tarifas del agua", "el presupuesto escolar", "el nuevo hospital"],
        "noun": ["el ayuntamiento", "el sindicato", "el ministerio", "el tribunal"],
        "verb": ["aprobado", "rechazado", "aplazado", "revisado", "ampliado"],
        "adj": ["largo", "tenso", "costoso", "ajustado", "tranquilo"],
        "day": ["lunes", "martes", "miércoles", "jueves", "viernes"],
        "templates": [
            "En {place}, {noun} ha {verb} {topic} el {day} tras un debate {adj} de {n} horas.",
            "Según el gobierno local, el {n} por ciento de los miembros ha {verb} el plan, {m} más de lo previsto.",
            "{name} dijo que {noun} había {verb} el calendario y respondería antes del {day}.",
            "El coste de {topic} en {place} se estima en {n} millones de euros en {m} años.",
        ],
        "quote": "\u00abHay que decidir sobre {topic} antes del {day}\u00bb, dijo {name}.",
        "title": ["{place}: {noun} ha {verb} {topic}", "{name} y {topic}"],
    },
}


def fill(rng, lang, template):
    w = WORDS[lang]
    values = {k: rng.choice(w[k]) for k in ("name", "place", "topic", "noun", "verb", "adj", "day")}
    values["n"] = rng.randint(2, 980)
    values["m"] = rng.randint(2, 60)
    values["adj_cap"] = values["adj"][:1].upper() + values["adj"][1:]
    values["topic_cap"] = values["topic"][:1].upper() + values["topic"][1:]
    return template.format(**values)


def paragraph(rng, lang):
    return " ".join(fill(rng, lang, rng.choice(WORDS[lang]["templates"])) for _ in range(rng.randint(2, 3)))


def body(rng, lang):
    paragraphs = [paragraph(rng, lang) for _ in range(rng.randint(5, 8))]
    paragraphs.insert(rng.randint(1, len(paragraphs) - 1), fill(rng, lang, WORDS[lang]["quote"]))
    return paragraphs


def edited(rng, lang, paragraphs):
    """A near-duplicate copy: one sentence rewritten, or the last paragraph dropped, or one added."""
    copy = list(paragraphs)
    change = rng.choice(["edit", "drop", "add"])
    if change == "edit":
        i = rng.randrange(len(copy))
        copy[i] = fill(rng, lang, rng.choice(WORDS[lang]["templates"])) + " " + copy[i].split(". ", 1)[-1]
    elif change == "drop" and len(copy) > 4:
        copy.pop()
    else:
        copy.append(paragraph(rng, lang))
    return copy


def slug(text):
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")[:60]


def write_json(outdir, name, article):
    path = os.path.join(outdir, name + ".json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(article, f, ensure_ascii=False, indent=1)


def write_txt(outdir, name, article):
    folder = os.path.join(outdir, article["publisher"])
    os.makedirs(folder, exist_ok=True)
    published = dt.datetime.fromisoformat(article["published_at"].replace("Z", "+00:00"))
    lines = [article["title"], ""]
    if article["authors"]:
        lines.append("By " + " and ".join(article["authors"]))
    lines.append("Published " + published.strftime("%B %-d, %Y %H:%M UTC"))
    lines.append("")
    for p in article["text"].split("\n\n"):
        lines += [p, ""]
    with open(os.path.join(folder, name + ".txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir")
    parser.add_argument("--stories", type=int, default=120)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--days", type=int, default=21)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.outdir, exist_ok=True)
    now = dt.datetime.now(dt.timezone.utc).replace(minute=0, second=0, microsecond=0)
    languages = [lang for lang, weight in LANGUAGE_WEIGHTS for _ in range(weight)]
    files = 0
    for story in range(args.stories):
        lang = rng.choice(languages)
        outlets = PUBLISHERS[lang]
        first = rng.choice(outlets)
        published = now - dt.timedelta(hours=rng.randint(1, args.days * 24))
        paragraphs = body(rng, lang)
        title = fill(rng, lang, rng.choice(WORDS[lang]["title"]))
        authors = rng.sample(WORDS[lang]["name"], rng.choice([0, 1, 1, 2]))
        url = f"https://{slug(first)}.example/{published:%Y/%m/%d}/{slug(title)}-{story}"

        def emit(suffix, publisher, paras, when, link, headline, fmt="json"):
            nonlocal files
            article = {"title": headline, "publisher": publisher, "url": link, "language": lang,
                       "published_at": when.strftime("%Y-%m-%dT%H:%M:%SZ"), "authors": authors,
                       "text": "\n\n".join(paras)}
            name = f"{story:04d}-{suffix}"
            (write_txt if fmt == "txt" else write_json)(args.outdir, name, article)
            files += 1

        first_format = "txt" if lang == "en" and rng.random() < 0.3 else "json"
        emit("a", first, paragraphs, published, url, title, first_format)
        # Wire copies: other outlets run the same text (a sighting) or an edited copy (a near duplicate).
        others = [o for o in outlets if o != first]
        for i, outlet in enumerate(rng.sample(others, min(len(others), rng.choice([0, 0, 1, 1, 2, 3])))):
            later = published + dt.timedelta(minutes=rng.randint(10, 600))
            paras = paragraphs if rng.random() < 0.5 else edited(rng, lang, paragraphs)
            emit(f"c{i}", outlet, paras, later, f"https://{slug(outlet)}.example/{later:%Y/%m/%d}/{slug(title)}", title)
        # Some stories are updated under the same URL: a revision.
        if rng.random() < 0.2:
            later = published + dt.timedelta(hours=rng.randint(1, 12))
            emit("r", first, paragraphs + [paragraph(rng, lang)], later, url, title + " (updated)")
    print(f"{files} files for {args.stories} stories in {args.outdir}")


if __name__ == "__main__":
    main()
