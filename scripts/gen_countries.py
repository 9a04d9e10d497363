#!/usr/bin/env python3
"""Generate the country gazetteer of the French rule set from iso-codes.

Usage: python3 gen_countries.py OUT.tsv

Reads the ISO 3166-1 list shipped by the Debian/Ubuntu package iso-codes
(/usr/share/iso-codes/json/iso_3166-1.json) and its French translations
(/usr/share/locale/fr/LC_MESSAGES/iso_3166-1.mo), and writes OUT.tsv with two
TAB-separated columns:

    surface    country canonical (English, press-friendly)

Surfaces are the English name, common name and official name, their French
translations, the French (and English) names with a parenthesised part or a
", qualifier" tail removed (« Bolivie, état plurinational de » -> « Bolivie »,
« Salomon, Îles » -> « Îles Salomon »), and a few press spellings listed below.
A surface that would map to two countries is dropped, unless a more direct
form (an override or a full name) settles it.

Python 3 standard library only. Prints nothing on success; exits 1 with a
message naming the file if an input is missing or unreadable.
"""

import gettext
import json
import re
import sys

ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"
ISO_MO_FR = "/usr/share/locale/fr/LC_MESSAGES/iso_3166-1.mo"

# alpha_2 -> canonical English name as the press writes it.
CANONICAL = {
    "BN": "Brunei",
    "BQ": "Caribbean Netherlands",
    "CC": "Cocos Islands",
    "BO": "Bolivia",
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "CV": "Cape Verde",
    "CZ": "Czech Republic",
    "FK": "Falkland Islands",
    "FM": "Micronesia",
    "GB": "United Kingdom",
    "IR": "Iran",
    "KP": "North Korea",
    "KR": "South Korea",
    "LA": "Laos",
    "MD": "Moldova",
    "MF": "Saint Martin",
    "MO": "Macau",
    "PS": "Palestine",
    "RU": "Russia",
    "SH": "Saint Helena",
    "SX": "Sint Maarten",
    "SY": "Syria",
    "TR": "Turkey",
    "TW": "Taiwan",
    "TZ": "Tanzania",
    "US": "United States",
    "VA": "Vatican City",
    "VE": "Venezuela",
    "VG": "British Virgin Islands",
    "VI": "US Virgin Islands",
    "VN": "Vietnam",
}

# alpha_2 -> extra surfaces (French press spellings, usual English forms).
EXTRA = {
    "AX": ["Îles Åland"],
    "BN": ["Brunei", "Brunéi"],
    "BO": ["Bolivie"],
    "BY": ["Biélorussie", "Bélarus", "Belarus"],
    "CC": ["Îles Cocos"],
    "CD": ["RDC", "République démocratique du Congo", "Congo-Kinshasa",
           "DR Congo"],
    "CG": ["Congo", "Congo-Brazzaville", "République du Congo"],
    "CV": ["Cap-Vert", "Cape Verde"],
    "CX": ["Île Christmas"],
    "CZ": ["République tchèque", "Tchéquie", "Czech Republic"],
    "FK": ["Malouines", "Îles Malouines", "Falklands"],
    "FM": ["Micronésie"],
    "GB": ["United Kingdom"],
    "GL": ["Groenland"],
    "IR": ["Iran"],
    "KG": ["Kirghizstan"],
    "KP": ["Corée du Nord", "North Korea"],
    "KR": ["Corée du Sud", "South Korea", "République de Corée",
           "Republic of Korea"],
    "LA": ["Laos"],
    "MD": ["Moldavie"],
    "MM": ["Myanmar", "Birmanie", "Burma"],
    "MO": ["Macao", "Macau"],
    "PS": ["Palestine", "Territoires palestiniens"],
    "MU": ["Île Maurice"],
    "RE": ["La Réunion", "Île de la Réunion"],
    "RU": ["Russie", "Fédération de Russie", "Russia"],
    "SB": ["Îles Salomon"],
    "SY": ["Syrie", "Syria", "République arabe syrienne"],
    "TR": ["Turquie", "Turkey"],
    "TW": ["Taïwan", "Taiwan"],
    "TZ": ["Tanzanie"],
    "US": ["États-Unis d'Amérique", "United States of America"],
    "VA": ["Vatican", "Saint-Siège", "Cité du Vatican", "Holy See"],
    "VE": ["Venezuela", "Vénézuela"],
    "VI": ["Îles Vierges américaines", "Îles Vierges des États-Unis"],
    "VN": ["Vietnam", "Viêt Nam", "Viet Nam"],
}

# Surfaces never written: ambiguous between countries; more often a first
# name (Chad, Jordan, Dominique, Maurice) than a country; a common French
# noun that opens sentences and headlines (Réunion, Grenade, also Granada);
# or a city in French (Mexico = Mexico City).
BLOCK = {"Korea", "Corée", "Virgin Islands", "Îles Vierges", "Chad", "Jordan",
         "Lao", "Syrienne", "Saint-Martin", "Saint Martin", "Dominique",
         "Maurice", "Grenade", "Réunion", "Mexico"}


def die(msg):
    sys.stderr.write("gen_countries.py: %s\n" % msg)
    sys.exit(1)


def stripped_forms(name):
    """Shortened forms of a name: without a parenthesised part, and without a
    ', qualifier' tail (an 'Île(s)' tail goes in front instead)."""
    out = []
    base = re.sub(r"\s*\([^)]*\)", "", name).strip()
    if base and base != name and "," not in base:
        out.append(base)
    if "," in base:
        head, tail = [p.strip() for p in base.split(",", 1)]
        if re.match(r"^(Îles?|Islands?)\b", tail):
            if tail.startswith("Island"):
                out.append(head + " " + tail)
            else:
                out.append(tail + " " + head)
        elif head:
            out.append(head)
    return out


def clean(surface):
    s = surface.replace("\u2019", "'").replace("\u00a0", " ").strip()
    s = re.sub(r"^(l'|la |le |les |the )", "", s)
    return s


def main(argv):
    if len(argv) != 2:
        die("usage: python3 gen_countries.py OUT.tsv")
    out_path = argv[1]
    try:
        with open(ISO_JSON, encoding="utf-8") as f:
            countries = json.load(f)["3166-1"]
    except (OSError, ValueError, KeyError) as e:
        die("cannot read %s (install iso-codes): %s" % (ISO_JSON, e))
    try:
        with open(ISO_MO_FR, "rb") as f:
            fr = gettext.GNUTranslations(f)
    except OSError as e:
        die("cannot read %s (install iso-codes): %s" % (ISO_MO_FR, e))

    # surface -> {tier: set(canonical)}; lower tier wins.
    # 0 = override/extra, 1 = full name, 2 = stripped form.
    table = {}

    def add(surface, canonical, tier):
        s = clean(surface)
        if not s or s in BLOCK:
            return
        table.setdefault(s, {}).setdefault(tier, set()).add(canonical)

    for c in countries:
        code = c["alpha_2"]
        canon = CANONICAL.get(code) or c.get("common_name") or c["name"]
        add(canon, canon, 0)
        for s in EXTRA.get(code, []):
            add(s, canon, 0)
        for key in ("name", "common_name", "official_name"):
            en = c.get(key)
            if not en:
                continue
            tr = fr.gettext(en)
            for s in (en, tr):
                if "," in s or "(" in s:
                    for short in stripped_forms(s):
                        add(short, canon, 2)
                else:
                    add(s, canon, 1)

    rows = []
    for surface, tiers in table.items():
        best = tiers[min(tiers)]
        if len(best) == 1:
            rows.append((surface, next(iter(best))))
    rows.sort(key=lambda r: (r[1], r[0]))

    try:
        with open(out_path, "w", encoding="utf-8") as f:
            f.write("# Countries: surface<TAB>country canonical (English).\n")
            f.write("# Generated by scripts/gen_countries.py from iso-codes "
                    "(ISO 3166-1, French translations); do not edit.\n")
            for surface, canon in rows:
                f.write("%s\t%s\n" % (surface, canon))
    except OSError as e:
        die("cannot write %s: %s" % (out_path, e))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
