"""The words that tell what a number counts: which flow, which breakdown, which country, and
whether it is an estimate, a change, a target or a forecast.

Each cue is a regular expression tagged with what it signals; `find_cues` returns every cue in a
span with its offsets so the caller can attach each cue to the number nearest to it.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from .alternation import alternatives, compile_alternation, prefiltered, starting_with_first_chars

_I = re.IGNORECASE

_AMOUNT = r"(?:about|around|some|roughly|nearly|almost|just|over|under|more|less|than|fewer|an|a|estimated|record|between|below|above)"
# ("came to 387,000" is an amount; "came in 2023" is a year)
_NOT_AN_AMOUNT = r"(?!\s+at\b|\s+(?:" + _AMOUNT + r"\s+){0,3}(?:[£$€]|(?!(?:19|20)\d\d(?!\d|[,.]\d))\d))"

# "532k left", "left in 2023", "left for Australia": leaving, not "had left fruit unpicked"
_LEFT_INTRANSITIVE = (r"(?=\s*(?:[,.;:)?!\u2013\u2014-]|$)|\s+(?:in|during|over|last|this|that|for|to|after|before|between|since|"
                      r"while|and|but|as|each|every|a\s+year|annually|altogether|overall|again|were|was|are|is|than)\b)")

NET_OUTFLOW = "net_outflow"

# "251,000 more people arrived than left", "40,000 more EU citizens left than arrived", "more people
# moved to the UK for at least a year in 2009 than moved away": one grammar, written once, for the
# balance cues, the movement words it is not, and the "than" that opens no comparison
_ARRIVING = r"(?:arrived|came|moved|arriving|coming|arrivals|immigrants)"
_LEAVING = (r"(?:left|leaving|departed|departing|departures|leavers|emigrants|emigrated|emigrating"
            r"|moved\s+(?:away|abroad|out)|went\s+abroad)")
_MORE_WHO = r"(?:[\w-]+\s+){0,3}?"         # "more [people | EU citizens] ..."
_UP_TO_THAN = r"(?:\s+[\w-]+){0,10}?\s+than\s+"  # "... came [to the UK for at least a year in 2009] than ..."
_MORE_ARRIVED_THAN_LEFT = _MORE_WHO + _ARRIVING + _UP_TO_THAN + _LEAVING
_MORE_LEFT_THAN_ARRIVED = _MORE_WHO + _LEAVING + _UP_TO_THAN + _ARRIVING
# ("337,000 more people came to the UK than left in the year ending June 2016": the "than" opens no comparison)
MORE_BEFORE_THAN = re.compile(r"\bmore\s+" + _MORE_WHO + r"(?:" + _ARRIVING + r"|" + _LEAVING + r")(?:\s+[\w-]+){0,10}?\s+$", re.I)

# Order matters inside each family: the first (most specific) alternative wins at a position.
FLOW_CUES = [
    # More leaving than arriving: net migration below zero ("a net outflow of 87,000 EU nationals",
    # "departures exceeded arrivals by 40,000"); the reader gives it as net migration of minus the number
    (NET_OUTFLOW,
     r"net\s+(?:outflow|emigration|outward\s+migration|exodus)"
     r"|more\s+" + _MORE_LEFT_THAN_ARRIVED +
     r"|(?:departures|emigration|outflows?|leavers|emigrants)\s+(?:exceeded|outstripped|outnumbered|outpaced|topped)\s+"
     r"(?:(?:EU|non-EU|British)\s+)?(?:arrivals|immigration|inflows?|immigrants)"),
    ("net_migration", r"nett?\s+(?:long[- ]term\s+|international\s+|overseas\s+|inward\s+)?(?:migration|immigration|migrants?|inflow|migr\.)"
                      r"|net(?=\s+[\d£$€])"  # "leaving a net 151,000"
                      # "Net: 685k" in a run of labelled figures
                      r"|net\s+(?:figure|total|tally|number|level)|net(?=\s*:)|the\s+difference(?=\s+(?:at|was|is|stood|came\s+to)\b)|balance\s+of\s+migration|net\s+(?:gain|balance|arrivals|increase)"
                      # "the population boost from migration"
                      r"|population\s+(?:boost|growth|increase|gain|rise)\s+(?:from|through|due\s+to|because\s+of)\s+"
                      r"(?:net\s+)?(?:international\s+)?migration"
                      # "arrivals exceeded departures by 230,000", "251,000 more people arrived than left"
                      r"|(?:arrivals|immigration|inflows?)\s+exceeded\s+(?:departures|emigration|outflows?)"
                      r"|more\s+" + _MORE_ARRIVED_THAN_LEFT +
                      r"|difference,?\s+known\s+as\s+net"
                      # "582,000 came and 344,000 left ... The balance between the two, 238,000"
                      r"|(?:difference|gap|balance)\s+between\s+the\s+two\b"
                      # "601,000 arrived and 398,000 left, a difference of 203,000"
                      r"|(?:(?<=\ba\s)|(?<=\bthe\s))(?:net\s+)?(?:difference|gap|balance)\s+of(?=\s+(?:about\s+|around\s+|some\s+|just\s+over\s+)?\d"
                      # (not "the balance of 612,000 arrivals and 398,000 departures": what it is made of)
                      r"[\d,.]*+(?:\s*(?:k|m|million))?(?!\s*(?:arrivals|departures|immigrants|emigrants|people|leavers|incomers|newcomers)\b))"
                      # "the balance of arrivals over departures", "an excess of immigration over emigration"
                      r"|(?:balance|excess|surplus)\s+of\s+(?:arrivals|immigration|inflows?|immigrants|those\s+arriving)"
                      r"\s+over\s+(?:departures|emigration|outflows?|emigrants|those\s+leaving)"
                      # "the balance" of arrivals over departures, unless it is defined right there
                      r"|\bthe\s+(?:overall\s+)?balance\b(?!\s+(?:between|of\s+(?!migration)))"),
    ("emigration", r"emigra\w*|emigrants?|emig\.|left\s+(?:it|the\s+(?:city|town|borough|county|region|area))\s+for\b|left\s+(?:the\s+UK|Britain|the\s+country)|left" + _LEFT_INTRANSITIVE + r"|leaving(?!\s+(?:[\w-]+\s+){0,2}(?:migration|immigration|emigration|balance|total|net|figure)\b|\s+it\b|\s+(?:the\s+)?(?:ministers?|government|him|her|them|us|employers|officials|the\s+(?:prime|home|chancellor))\b)|departures?|departed|leavers|head(?:ed|ing|s)?\s+for\s+the\s+exit|packed\s+(?:their|up\s+their)\s+bags"
                   r"|moved\s+abroad|moving\s+abroad|went\s+abroad|outflows?|people\s+leaving|moved\s+overseas"
                   r"|(?:(?<=[\dkm]\s)|(?<=million\s))out(?=\s*(?:[,;.)–—]|$))"  # "815k in, 685k out"
                   r"|left\s+to\s+live\s+abroad|quit(?:ting)?\s+(?:the\s+UK|Britain|the\s+country)|return(?:ed|ing)\s+home"),
    # "1.2m moved to the UK, while 508,000 went the other way": the opposite of the flow before it
    ("other_way", r"(?:moved|moving|went|going|headed|heading|travelled|travelling)\s+(?:in\s+)?the\s+other\s+(?:way|direction)"),
    # "came to 387,000", "came in at 216,000": the verb of an amount ("amounted to"), not of arriving
    # ("visas had come to an end", "came to power", "come to terms": idioms, not arriving)
    ("immigration", r"immigra\w*|immigrants?|imm\.|arriv\w*|(?:came|coming|come)\s+(?:to|in|here|for)" + _NOT_AN_AMOUNT +
                    r"(?!\s+(?:an?\s+(?:end|halt|close|stop|head)|power|terms|light|mind|pass|nothing|grief)\b)" +
                    r"|moved\s+to\s+(?:the\s+UK|Britain|the\s+country|England)|moving\s+to\s+(?:the\s+UK|Britain)"
                    r"|migrants?\s+moved|inflows?|entered|people\s+(?:moved|moving)\s+to|moved\s+here"
                    r"|(?:those|people|migrants)\s+entering|entering\s+(?:the\s+)?(?:UK|United\s+Kingdom|Britain|country)"
                    r"|(?:came|arrived)\s+(?=fleeing|seeking|hoping|looking)"
                    r"|long-term\s+migration\s+to|migrants?\s+coming|new\s+arrivals|intake"
                    r"|(?:poured|flooded|streamed|flocked|flowed)\s+in(?:to)?\b|(?:(?<=[\dkm]\s)|(?<=million\s))in(?=\s*(?:[,;.)–—]|$))"
                    # Britons coming back are arrivals: "80,000 Britons returned", "returning British citizens"
                    # (anyone else "returning home" is leaving: see emigration)
                    r"|(?:britons|british\s+(?:citizens|nationals|people)|uk\s+(?:citizens|nationals))\s+(?:who\s+(?:have\s+|had\s+)?)?"
                    r"(?:return(?:ed|ing)\b(?:\s+home)?|came\s+(?:back|home)\b)|returning\s+(?:britons|british)"
                    # "incomers dipped to 590,000", "newcomers"
                    r"|incomers|newcomers"
                    # "Why people came:", "the most common reason for moving": reasons are asked of arrivals
                    r"|(?:people|migrants)\s+came\b|reasons?\s+(?:for|given\s+for)\s+(?:moving|coming|migrating)\b"
                    r"(?!\s+(?:abroad|overseas|away|out))"),
]

BREAKDOWN_CUES = [
    # Groups outside the contract's vocabulary: a figure for one of them is no figure of ours. They
    # come first so that "EU14 citizens" or "Non-EU+ nationals" are not read as EU or non-EU.
    ("unlisted", "unlisted", r"\bEU1[45]\b|\bEU\+|non[- ]EU\+|\bAsia\b|rest\s+of\s+the\s+world|(?<!South\s)\bAfrica\b|\bOceania\b"
                             r"|Middle\s+East|\bAmericas\b|region\s+of\s+last\s+residence"
                             # EU and non-EU together: "Non-British nationals accounted for 1.1 million"
                             r"|non[- ]British|non[- ]UK\s+(?:nationals|citizens)|foreign\s+(?:nationals|citizens)"),
    ("reason", "work_definite_job", r"definite\s+job|job\s+to\s+go\s+to|job\s+offer|job\s+lined\s+up|job\s+(?:waiting|arranged)"
                                    r"|job\s+already\s+(?:secured|lined\s+up|arranged|waiting|agreed)|already\s+(?:had|held)\s+a\s+job"
                                    # "181,000 of them already had one lined up" (one: a job)
                                    r"|(?:had|has|have)\s+one\s+(?:lined\s+up|arranged|waiting|to\s+go\s+to)"),
    # "... had a definite job and 96,000 arrived looking for one": "one" stands for the job
    ("reason", "work_looking_for_job", r"look(?:ing)?\s+for\s+(?:work|a\s+job|jobs)|seek(?:ing)?\s+work|job[- ]?seek\w*"
                                       r"|without\s+a\s+job|look(?:ing)?\s+for\s+one\b(?!\s+of)"
                                       r"|hop(?:ing|ed)\s+to\s+find\s+(?:one|work|a\s+job)|(?:arrived|came)\s+looking\b"
                                       r"|(?:came|come|arrived|moved)\s+to\s+find\s+(?:one|work|a\s+job|jobs)\b"),
    # "for a job or to look for one", "to work or seek work": both kinds of work reason at once
    ("reason", "work", r"(?:for\s+(?:a\s+)?(?:job|work)(?!\s+and\s+pensions)|to\s+work|with\s+a\s+job(?:\s+offer)?|to\s+take\s+up)\s+or\s+(?:to\s+)?"
                       r"(?:look|search|seek)(?:ing)?\s+(?:for\s+)?(?:one|work|a\s+job|jobs)\b"
                       r"|(?<!out\sof\s)\bwork(?:-related)?\b(?!\s+visas?|\s+and\s+pensions)|(?<!un)employment|for\s+(?:a\s+)?jobs?\b|to\s+take\s+up\s+a\s+job"
                       r"|(?:a\s+)?job\s+as\s+(?:their|the|his|her)\s+(?:main\s+)?reason"),
    # ("a Home Office study had forecast": a report, not a reason)
    ("reason", "study", r"(?<!a\s)(?<!the\s)(?<!this\s)(?<!that\s)(?<!office\s)(?<!new\s)(?<!recent\s)(?<!'s\s)\bstud(?:y|ying)\b|formal\s+study|students?\s+(?:arriving|coming|made\s+up|accounted\s+for|formed)|students,?\s+(?:who\s+)?numbered"
                       r"|(?:a\s+)?place\s+at\s+(?:a\s+)?(?:university|college)|university\s+places?"
                       r"|to\s+(?:take\s+up|start|begin)\s+(?:a\s+|their\s+)?(?:course|degree|studies)\b"
                       # "Of the 1.2 million who came, 411,000 were students"
                       r"|(?<=were\s)(?:international\s+|overseas\s+|foreign\s+)?students\b"),
    ("reason", "family", r"\bfamil(?:y|ies)\b|accompany\s+or\s+join|join\s+(?:a\s+)?(?:relative|partner|spouse)"),
    ("reason", "asylum", r"\basylum\b|refugees?|fleeing\s+(?:persecution|war|conflict|violence)"),
    ("reason", "other", r"other\s+reasons?"),
    ("citizenship", "non_eu", r"non[- ]EU|non[- ]European|(?:from\s+)?outside\s+(?:the\s+)?(?:EU|European\s+Union|Europe|Union|bloc)\b"
                              r"|(?:nationals|citizens)\s+of\s+countries\s+beyond\s+the\s+EU"),
    ("citizenship", "eu8", r"\b(?:EU|A)8\b|joined\s+the\s+(?:EU|European\s+Union|bloc|union)\s+in\s+2004"
                           r"|eight\s+central\s+and\s+eastern\s+European\s+(?:countries|states|nations)"
                           r"|(?:eight\s+)?accession\s+(?:countries|states)|(?:the\s+)?new\s+member\s+states"),
    ("citizenship", "eu2", r"\b(?:EU|A)2\b|Romanian?s?\s+(?:and|or)\s+Bulgarian?s?|Bulgarian?s?\s+(?:and|or)\s+Romanian?s?"),
    ("citizenship", "new_commonwealth", r"new\s+commonwealth"),
    ("citizenship", "old_commonwealth", r"old\s+commonwealth"),
    # the statisticians' "other foreign" group: non-EU citizens outside the Commonwealth
    ("citizenship", "other", r"other\s+foreign\b"),
    # "EU immigration was 170,000": the flow of EU citizens
    ("citizenship", "eu", r"\bEU\s+(?:citizens|nationals|migrants|immigrants|emigrants|workers|residents|arrivals|departures"
                          r"|leavers|newcomers|people|inflows?|outflows?|immigration|emigration|migration|net\s+migration)"
                          # a label in a run of figures: "non-EU 702k | EU 74k | Brits 108k"
                          r"|(?<![\w-])EU:?\s+(?=\d[\d,.]*\s*(?:k|m|mn|million)\b|\d{1,3},\d{3}\b)"
                          r"|European\s+Union\s+(?:citizens|nationals)|(?:citizens|nationals|citizenship)\s+of\s+(?:an)?(?:other\s+)?(?:EU|European\s+Union)"
                          r"\s+(?:countries|country|member\s+states?|states?)|(?<!outside\s)(?<!outside\sthe\s)"
                          r"\bfrom\s+(?:the\s+)?(?:EU|European\s+Union)\b|EU-born"
                          r"|EU\s+passport\s+holders|(?:holding|with)\s+EU\s+passports"),
    ("citizenship", "british", r"British\s+(?:citizens|nationals|people|emigration|immigration|emigrants|immigrants)"
                               r"|Britons|Brits\b|UK\s+(?:citizens|nationals)"
                               r"|(?:UK|British)\s+passport\s+holders|(?:holding|with)\s+(?:UK|British)\s+passports"
                               r"|(?<=were\s)British\b(?!\s+(?:government|figures))"),
]

# Foreign destinations; "from X" and "X citizens" name an origin or a citizenship, not a geography.
_CITY = "city"
SOURCE_UK = "UK:source"
_CITIES = ("London|Manchester|Birmingham|Glasgow|Edinburgh|Cardiff|Belfast|Leeds|Liverpool|Bristol|Sheffield|Newcastle"
           "|Nottingham|Leicester")
_CITY_NAME = re.compile(_CITIES)
_COUNTRIES = {
    "Australia": r"Australia(?:n)?(?:'s)?|\bABS\b", "Canada": r"Canad(?:a|ian)(?:'s)?|StatCan\b", "New Zealand": r"New\s+Zealand(?:'s)?|Stats\s+NZ\b",
    "United States": r"United\s+States|\bUS\b|\bU\.S\.|\bUSA\b|America(?:'s|n)?", "Germany": r"German(?:y|y's)|German(?=\s+(?:net|immigration|emigration|migration|population|government|statistics))|Destatis\b"
               r"|Federal\s+Statistical\s+Office",
    "France": r"France(?:'s)?|French", "Ireland": r"(?:Republic\s+of\s+)?Ireland(?:'s)?|Irish\s+(?:government|CSO)|\bCSO\b|Central\s+Statistics\s+Office",
    "Spain": r"Spain(?:'s)?|Spanish(?=\s+(?:net|immigration|emigration|migration|population|government|statistics))",
    "Italy": r"Italy(?:'s)?|Italian(?=\s+(?:net|immigration|emigration|migration|population|government|statistics))", "Netherlands": r"(?:the\s+)?Netherlands|Dutch",
    "Sweden": r"Sweden(?:'s)?", "Japan": r"Japan(?:'s)?",
    # (a country's statistics office speaks for it: "the ABS said", "according to the CSO")
    # The nations of the UK have their own statistics; a figure for one of them is not a UK figure.
    "Scotland": r"Scotland(?:'s)?|National\s+Records\s+of\s+Scotland", "Wales": r"(?<!England\s)(?<!England\sand\s)Wales(?:'s)?",
    "Northern Ireland": r"Northern\s+Ireland(?:'s)?|\bNISRA\b|\bNI\b(?!\s+(?:numbers?|contributions?|registrations?|insurance))",
    # London's own figures ("net international migration to the capital"); a bare "in London" is
    # usually where something was said, so only these forms count
    "London": r"London's|(?i:to|into)\s+the\s+capital\b",
    # ...and so are a city's: "to Manchester", "Birmingham's" (one alternative for all the cities; the
    # city's name is read off the match)
    _CITY: rf"(?:{_CITIES})'s|(?i:to|into)\s+(?:Greater\s+)?(?:{_CITIES})\b",
    # ...and a place the story is about but does not name there: "11,400 moved to the city from overseas"
    # ("the City had predicted" is London's financial district; "the town's MP" is a person)
    "local area": r"(?i:to|into|in|from|left)\s+the\s+(?:city|town|borough|county|district)\b(?!\s+of\s+London)"
                  r"|(?i:the\s+)?(?:city|town|borough)'s\s+(?:population|residents|growth|share|net|inflow|arrivals)\b",
    "EU": r"(?i:to|into|across)\s+the\s+(?:EU|European\s+Union)\b(?!\s+referendum)|EU-wide|EU\s+as\s+a\s+whole",
    # "net international migration to England and Wales" (the population estimates' own figure); "the
    # census in England and Wales" is only where a count was taken
    "England and Wales": r"(?<=(?i:to|or) )England\s+and\s+Wales|England\s+and\s+Wales's|(?i:into|across)\s+England\s+and\s+Wales",
}
# (a whole word: "Frances Oduya" is a byline, not France)
GEOGRAPHY_CUES = [(name, f"(?:{pattern})(?![a-z])") for name, pattern in _COUNTRIES.items()] + [
    ("UK", r"\bUK\b|U\.K\.|United\s+Kingdom|Britain|British\s+(?:government|figures)|England\s+and\s+Wales"),
    # who published a figure, not where it is about: it yields to a country named in the sentence
    (SOURCE_UK, r"\bONS\b|Office\s+for\s+National\s+Statistics|Home\s+Office")]
# "For Wales, the equivalent figures were ...": a place named first frames the whole sentence
GROUP_FRAME = re.compile(r"\s*(?:among|for)\s+(?:the\s+)?", _I)
GROUP_FRAME_COMMA = re.compile(r"(?:\s+(?:citizens|nationals|migrants|people|arrivals|newcomers))?\s*,", _I)
PLACE_FRAME = re.compile(r"\s*(?:for|in|across)\s+(?:the\s+)?", _I)
FRAME_COMMA = re.compile(r"(?:'s\s+figures?)?\s*,")
# A list of proper names running up to a place: "for Australia, Canada, Spain and "
_NAMES_UP_TO_HERE = r"(?:(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*,?\s+(?:and\s+|or\s+)?)*$"
_MEASURED_AGAINST = re.compile(r"\b(?:size|half|third|quarter|twice|fraction|proportion)\s+of\s+(?:the\s+)?$", _I)
_OWN_NUMBER_AFTER = re.compile(r"(?:['’]s)?\s*\d")
_OUTSIDE_BEFORE = re.compile(r"\boutside\s+(?:the\s+)?$", _I)
_ORIGIN_BEFORE = re.compile(r"(?:from|outside|born\s+in|of|via)\s+(?:the\s+)?$", _I)
# "Britons retiring to Spain", "graduates heading to Australia": where people from the UK went
_DESTINATION_OF_LEAVERS = re.compile(r"\b(?i:retir\w+|head(?:s|ed|ing)?|mov(?:e|es|ed|ing)|emigrat\w+|relocat\w+|go(?:es|ing|ne)?"
                                     r"|went|left|leav(?:e|es|ing)|bound|departed)\b"
                                     # "... left to live abroad, many of them for Australia, Canada, Spain and France"
                                     r"(?:[^.;:]{0,40}?\b(?i:for|to)|\s+(?i:abroad\s+)?(?i:to|for))\s+(?:the\s+)?"
                                     + _NAMES_UP_TO_HERE)
_LEFT_FOR = re.compile(r"\b(?i:left|leav(?:e|es|ing)|emigrat\w+|departed)\b[^.;:]{0,40}?\b(?i:for)\s+(?:the\s+)?"
                       + _NAMES_UP_TO_HERE)
# "93,000 Brits left, with Spain, Australia and Dubai the favourite destinations": where leavers went
_DESTINATIONS_AFTER = re.compile(r"(?:,?\s+(?:and\s+|or\s+)?(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)*,?\s+"
                                 r"(?i:(?:were|are|was|is|being|as|remain(?:s|ed)?)\s+)?(?i:the\s+)?(?:[\w-]+\s+){0,3}?"
                                 r"(?i:destinations?)\b")
# "the Old Commonwealth countries of Australia, Canada, New Zealand" or "(Australia, Canada)": examples
_EXAMPLES_BEFORE = re.compile(r"(?:\b(?:such\s+as|including|countries\s+(?:of|like|such\s+as|including)|e\.g\.|i\.e\.|namely"
                              r"|that\s+is,?)\s+|\(\s*)"
                              + _NAMES_UP_TO_HERE)

CHANGE_NOUNS = (r"falls?|fell|fallen|risen|grown|falling|drop(?:ped|ping|s)?|declin\w*|decreas\w*|reduc\w*|cut|cuts|cutting|rises?|rising|rose"
                r"|increas\w*|jump(?:ed|ing|s)?|climb(?:ed|ing|s)?|grew|grows|growth|growing|up|down|lower|higher|halv\w*|"
                r"slump\w*|surg\w*|plung\w*|soar\w*|shr[aiu]nk\w*|revis\w*")
_DOWN = re.compile(r"fall|fell|drop|declin|decreas|reduc|cut|down|lower|fewer|less|halv|slump|plung|shr|below", _I)
# "fell by 84,000", "a fall of 435,000", "dropping by 430,000": the number measures a change
# ("made up of 1,297,000 arrivals" is what a total consists of)
CHANGE_BEFORE = re.compile(r"(?:\b(?:" + CHANGE_NOUNS + r")\b(?:,?\s+[\w-]+){0,4}?,?\s+by|\b(?!(?:up|down)\s+of\b)(?:" + CHANGE_NOUNS
                           + r")(?:,?\s+of|,\s+at)|net\s+(?:fall|rise|increase|decrease|drop)\s+of)\s*(?:[a-z]+\s+){0,2}$", _I)
# A movement verb straight before its number, without "by": "rose 30,000", "up 30,000 on",
# "dropped some 100,000". ("rose to 300,000" names the new level, so "to" keeps it an estimate.)
CHANGE_VERB_BEFORE = re.compile(
    # "made up 281,000 of arrivals" is a share, not a movement.
    r"\b(?:rose|rises|fell|falls|dropped|drops|declined|declines|decreased|increased|jumped|jumps|climbed|climbs|grew"
    r"|grows|shrank|slumped|plunged|soared|down|fallen|risen|grown|"
    r"(?<!made\s)(?<!make\s)(?<!makes\s)(?<!making\s)up)"
    r"\s+(?:(?:a\s+further|another|almost|nearly|about|around|some|roughly|more\s+than|over|just\s+over|"
    r"just\s+under|an\s+estimated)\s+)?$", _I)
# "100,000 fewer people", "166,000 higher than"
CHANGE_AFTER = re.compile(r"\s*(?:people\s+|migrants\s+|more\s+people\s+)?(?:fewer|more|higher|lower|less|up|down"
                          # ("the whole of the 56,000 fall")
                          r"|(?<=\d\s)(?:fall|rise|drop|increase|decrease|decline|jump|reduction)(?!\s+(?:to|from)\b)"
                          # ("nearly 700,000 below the 2023 peak")
                          r"|(?:below|above)\s+(?:its|the|their|that|this|last\s+year's)\s+(?:[\w-]+\s+){0,2}?(?:level|peak|high|record|figure|total|estimate))\b"
                          r"(?!\s+(?:to|from)\b|\s+(?:people\s+)?(?:arrived|came|arrivals|immigrants)\s+than\b"
                          r"|\s+" + _MORE_LEFT_THAN_ARRIVED + r"|\s+" + _MORE_ARRIVED_THAN_LEFT + r")", _I)
# ("people intending to stay for a year", "hoping to settle": what migrants mean to do, not a policy goal)
_STAY = r"(?!\s+(?:to\s+)?(?:stay|live|remain|settle|leave|move|return|study|work)\b)"
TARGET_WORDS = (r"targets?|pledg\w*|promis\w*|goals?|aims?|aim(?:ed|ing)" + _STAY + r"|ambitions?|wants?" + _STAY + r"|wanted" + _STAY
                + r"|vow\w*|commit\w*|objective|cap(?:ped)?\s+at|cap\s+of|ceiling\s+of|limit\s+of|hop(?:e|es|ed|ing)\s+to" + _STAY
                + r"|plan(?:s|ned)?\s+to" + _STAY + r"|intend\w*" + _STAY + r"|determined\s+to|seek(?:s|ing)?\s+to|wish(?:es)?\s+to" + _STAY)
FORECAST_WORDS = (r"forecast\w*|predict\w*|project(?:ed|ion|ions|s)|expect\w*|assum(?:es|ed|ing|ption|ptions)|could"
                  r"|if(?!\s+anything\b|\s+so\b)|were\s+to"
                  # "you would think more than a million arrive": a belief, not a projection
                  r"|would(?!\s+(?:think|believe|imagine|guess|assume|suppose|have\s+thought))|will(?!\s+(?:show|reveal|confirm|(?:only\s+)?say|tell))"
                  r"|likely\s+to|set\s+to|on\s+course|on\s+track|anticipat\w*|might"
                  # ("Those May figures", "in May 2025": the month)
                  r"|(?<!in\s)(?<!last\s)(?<!next\s)(?<!those\s)(?<!these\s)(?<!the\s)(?<!of\s)(?<!since\s)(?<!early\s)"
                  r"(?<!late\s)(?<!mid-)may(?!\s+(?:19|20)\d\d|\s+(?:figures|release|data|statistics|estimates)\b)")
# A target or forecast word governs a number at most this far after it, within its sentence.
KIND_REACH = 80
# "The projections sit beside the latest official estimate: net migration of 136,000": a measured
# figure named between a forecast word and a number ends the forecast's reach.
ESTIMATE_BETWEEN = re.compile(r"\b(?:latest|official|current|provisional|actual)\s+(?:official\s+)?"
                              r"(?:estimates?|figures?|data|statistics)\b", _I)
# "The government wants it lower, but net migration was 330,000": a contrast opens a new assertion.
CONTRAST = starting_with_first_chars(r"\b(?:but|yet|however|although|though|whereas|while)\b", _I)

# Appositions that define a term ("the difference between the numbers coming in and leaving") or
# set a contrast aside ("rather than with a definite job") carry cues that describe nothing counted.
MASKS = starting_with_first_chars(r"\b(?:the\s+(?:annual\s+|overall\s+)?(?:difference|gap|balance)\s+between(?!\s+the\s+two\b)|rather\s+than|as\s+opposed\s+to|not\s+counting"
                   r"|excluding|except(?:\s+for)?|other\s+than|apart\s+from|not\s+including)"
                   # (up to the first number: "the gap between the 545,000 who arrived and the 376,000 who
                   # left" gives the parts, it does not define a term; and up to its verb: "the gap between
                   # those two numbers is the thing that matters ... net migration stood at 139,000")
                   r"(?:(?!\s(?:is|was|are|were|has|had|will|would|remains?|matters?)\b)[^,;:()–—\d])*"
                   # "Back in 2004, the year eight ... countries joined the European Union, 582,000 came"
                   r"|\bthe\s+year\s+(?!to\b|ending\b|ended\b|before\b|earlier\b|after\b)(?:when\s+|in\s+which\s+)?"
                   r"[^,;:()–—.\d]{0,60}?\b(?:joined|voted|entered|acceded)\b[^,;:()–—.]*|\b(?:immigration|arrivals|inflows?)\s+(?:minus|less)\s+(?:emigration|departures|outflows?)"
                   # "the number of people arriving to live here minus the number leaving": a definition of net
                   r"|\bthe\s+number\s+(?:of\s+people\s+)?(?:arriving|coming)\b[^,;:()–—\d]{0,40}?\s(?:minus|less)\s+(?:the\s+number\s+)?"
                   r"(?:leaving|departing|who\s+leave|who\s+left)"
                   # "136,000: the people who came minus the people who left"
                   r"|\b(?:the\s+)?(?:people|those)\s+who\s+(?:came|arrived)\s+(?:minus|less)\s+(?:the\s+)?(?:people|those)\s+who\s+(?:left|departed)",
                   _I)
# Comparison clauses lean on another period: "up from 153,000 in the year to September 2012".
# A bare "from" compares only when a number follows it ("to 300,000 from a revised 400,000"); "arrivals from
# outside the EU totalled 533,000" names an origin.
COMPARISON = starting_with_first_chars(r"\b(?:up\s+from|down\s+from|compared\s+(?:with|to)|than|versus|vs\.?|against"
                        # "almost double the 2007 level of 10,000"
                        r"|(?:double|twice|treble|triple|half)(?=\s+(?:the|its|that)\b)"
                        # "a fraction of the levels seen in 2023"
                        r"|a\s+fraction\s+of"
                        # "has fallen by 700,000 since the peak of 906,000 in the year to June 2023"
                        r"|since\s+(?:the|its|a|that)\s+(?:[\w-]+\s+)?(?:peak|high|record|height)(?:\s+of)?"
                        # "..., a gap that had stood at 512,000 in the year to June 2024"
                        r"|(?:that|which|who)\s+had\s+(?:stood|been|reached|peaked)(?:\s+at)?)\s"
                        # "Departures numbered 532k (2022: 557k)": the year before, as annual reports write it
                        r"|\((?=(?:19|20)\d\d\s*:\s*[\d£$€])"
                        # "up 94,000 on the 233,000 recorded in the year ending March 2014"
                        r"|\bon\s(?=\s*(?:the|a|an)\s+(?:revised\s+|previous\s+)?[\d])"
                        # ("returning from abroad for 98,000" names where people came from)
                        # ("net migration was 154,000, from 513,000 arrivals": made of, not compared with)
                        r"|\bfrom\s(?!abroad|overseas|outside|elsewhere|home)(?=\s*(?:(?:a|an)\s+)?(?:[\w'-]+\s+){0,3}[\d£$€+\-−])"
                        r"(?![\d,.]+\s*(?:k|m|million)?\s+(?:arrivals|departures|immigrants|emigrants|leavers)\b)",
                        _I)
# An article that revises an estimate may quote the figure it replaces: "revised up to 906,000 from
# 740,000", "previously estimated at 740,000". That older figure belongs to an earlier vintage.
REVISION = starting_with_first_chars(r"\brevis\w*|\b(?:raised|cut|lowered|upgraded|downgraded|increased|reduced)\s+(?:its|their|the)"
                      r"\s+(?:\w+\s+)?estimate", _I)
SUPERSEDED_BEFORE = starting_with_first_chars(
    r"(?:\b(?:previously|originally|initially|first)\s+(?:been\s+)?(?:estimated|put|reported|thought|given|published)"
    r"(?:\s+in\s+[A-Z]\w+)?\s+(?:at|as|to\s+be)|\b(?:previous|original|initial|earlier)\s+(?:estimate|figure)\s+(?:of|was|had\s+been))"
    r"\s+(?:[a-z]+\s+){0,2}$", _I)
# "860,000, not the 728,000 first reported": the value a revision replaced, named after it
SUPERSEDED_AFTER = re.compile(r"\s+(?:as\s+)?(?:first|originally|initially|previously)\s+(?:reported|estimated|published|given|thought|announced)\b", _I)
# "753,000, based on ... 471,000 departures, 86,000 higher than first published": the size of the revision
# of the sentence's main figure
REVISION_SIZE_AFTER = re.compile(r"\s+(?:higher|lower|more|less|above|below)\s+than\s+(?:first|originally|initially|previously)"
                                 r"\s+(?:published|estimated|thought|reported|announced)", _I)
ELABORATION = re.compile(r"\b(?:based\s+on|made\s+up\s+of|comprising|with)\b", _I)
# "An earlier version of this article said emigration was 571,000": a misprint the article corrects
MISPRINT_BEFORE = re.compile(r"\b(?:an?\s+|the\s+)?(?:earlier|previous|original)\s+version\s+(?:of\s+this\s+(?:article|story|report|piece)\s+)?"
                             r"(?:said|stated|gave|reported|put|wrongly\s+\w+|incorrectly\s+\w+|misstated)\b[^.;]{0,60}$", _I)
# "906k (revised up from 740k)", "(originally 740,000)", "(first estimated at 740,000)": inside a bracket
REVISED_ASIDE = re.compile(r"\(\s*(?:revised\s+(?:up|down|upwards|downwards)?\s*from|originally|previously|initially"
                           r"|(?:first|initially|originally|previously)\s+(?:estimated|put|reported|given)\s+(?:at|as)"
                           r"|(?:up|down)\s+from\s+(?:an?\s+|the\s+)?(?:first|initial|original|previous|earlier)\s+estimate\s+of"
                           r"|(?:first|initial|original|previous)\s+estimate:?)\s+(?:[a-z]+\s+){0,2}$", _I)
# "up by 12,000 to 286,000", "23,000 below its level a year earlier, at 168,000": the words between a
# change and the level it arrived at
AT_A_NUMBER = re.compile(r",?\s+at\s+(?:(?:a|an|some|about|around|nearly|almost|just|over|under|record|estimated|new)\s+){0,3}"
                         r"(?=[\d£$€])", _I)
NEW_LEVEL_AFTER_CHANGE = re.compile(r"(?:\s+(?:lower|higher|fewer|more|less|below|above|down|up)\b[^,.;\d]{0,40}?"
                                    # "An upwards revision of 11,000 takes net migration for that period to 141,000"
                                    r"|\s+(?:takes|took|taking|brings|brought|bringing|pushes|pushed|pushing|lifts|lifted"
                                    r"|lifting|puts|leaves|leaving)\s+[^,.;\d]{0,50}?)?"
                                    r",?\s+(?:to|at)\s+(?:(?:a|an|some|about|around|nearly|almost|just|over|under|record"
                                    r"|estimated|new|revised)\s+){0,3}", _I)
# "emigration was in excess of 600,000 for the first time, at 614,000": the same figure, stated exactly
# "first published at 333,000 and revised to 329,000 in August, is now put at 327,000": the value now
_NOW_AT = r"\bnow\s+(?:put|estimated|stands?)\s+at"
NOW_BEFORE = re.compile(_NOW_AT + r"\s+(?:(?:about|around|some)\s+)?$", _I)
RESTATED_AT = re.compile(r"[^.;:\d]{0,60}?(?:,\s+at|\brevised\s+(?:up\s+|down\s+|upwards\s+|downwards\s+)?to|" + _NOW_AT + ")"
                         r"\s+(?:(?:a|an|new|record|some|about|around)\s+){0,2}", _I)
EARLIER_ESTIMATE = re.compile(r"\s*(?:the\s+|its\s+)?(?:previous|first|earlier|original|initial|provisional)\s+"
                              r"(?:official\s+)?(?:estimates?|figures?)\b", _I)
# "from 1,218,000 to 948,000": the second number is the level now, outside the comparison
TO_A_NUMBER = re.compile(r"\sto\s+(?:(?:a|an|about|around|some|nearly|almost|just|over|under|more\s+than|less\s+than"
                         r"|record|estimated|revised)\s+){0,3}[\d£$€]", _I)
# "as" opens a clause of its own ("Net migration climbs to 359,000 as arrivals grow"), except in
# comparisons and set phrases ("as high as", "as well as", "such as", "known as").
# A cause opens a clause of its own too: "the fall was driven by fewer people arriving" (the arrivals
# are the cause, not what the fall counts).
CLAUSE_END = starting_with_first_chars(r"[,;:](?=\s)|[()]|\s[–—|-]\s|\s(?:and|while|but|whereas|with|vs\.?|versus)\s"
                        # ("118,000 moved because of a job offer": after a verb of moving, the cause is the reason)
                        r"|(?<!moved)(?<!came)(?<!arrived)(?<!migrated)(?<!left)(?<!emigrated)(?<!here)"
                        r"\s(?:(?:driven|fuelled|fueled|caused|pushed|boosted)\s+by|due\s+to|because(?:\s+of)?|thanks\s+to"
                        r"|as\s+a\s+result\s+of|reflecting|after(?=\s+(?:immigration|emigration|arrivals|departures)\s+(?:was|were|had)))\s"
                        # "Formal study tops reasons as 586,000 arrive": a number that opens its own clause
                        r"|\sas\s(?=[\d][\d,.]*\s*(?:k|m|million)?\s+(?:[a-z]+\s+)?(?:arriv|leav|left|came|come|emigrat))"
                        r"|(?<!such)(?<!known)(?<!same)(?<!just)(?<!so)(?<!given)(?<!described)(?<!cited)(?<!seen)"
                        r"(?<!regarded)(?<!counted)(?<!recorded)(?<!listed)(?<!defined)(?<!treated)\sas\s(?!(?:many|much|high|low|well|large|"
                        r"few|little|far|long|soon|big|great|a\s+result|of|part|though|if|such)\b|[£$€]"
                        # (an amount right after "as" is no clause; a year is: "as 2025 estimate is revised up")
                        r"|(?!(?:19|20)\d\d\b(?![,.]\d))\d)", _I)
# Where one assertion ends and another, with its own period, begins.
NEW_ASSERTION = starting_with_first_chars(r";|\s(?:while|whereas|but|and)\s|,\s+(?:with|so)\s", _I)
# Words that let a figure lean on the flow of the sentence before ("The first estimate ... is 728,000").
ANAPHORA = starting_with_first_chars(r"\b(?:this|these|those|figures?|estimates?|total|record|numbers?|level|same|targets?)\b"
                     r"|\bthat\s+(?:is|was)\b"
                     # "The fall of more than 400,000 was ...": the movement of the figure just given
                     r"|\bthe\s+(?:fall|rise|drop|increase|decrease|decline|jump|reduction|revision|peak)\b"
                     # "A year earlier it was 1.0 million": "it" standing for the flow just named
                     r"|\b(?:it|they)\s+(?:was|were|is|are|had\s+been|stood|reached|rose|fell|hit|peaked"
                     r"|(?:has|had|have)\s+(?:now\s+)?(?:fallen|risen|dropped|grown|climbed|increased|decreased|declined|reached|hit))\b"
                     # "Last month the ONS revised it to 326,000": the figure just named, revised
                     r"|\b(?:revised|raised|lowered|cut|put|pushed|took|lifted)\s+it\s+(?:up\s+|down\s+)?(?:to|at)\b", _I)
# Things that are counted, not people: "3 million jobs", "1.2 million visa applications".
_COUNTED_NOUNS = r"applications|visas|grants|claims|crossings|vacancies"  # named before their number
_THINGS = (r"households?|homes|applications?|claims|small[- ]boat\s+arrivals|asylum\s+claims|claims\s+for\s+asylum|crossings?|small\s+boats?|jobs|vacancies|national\s+insurance\s+(?:numbers|registrations)"
           r"|shortfall|shortage|interviews|(?:work\s+)?permits|posts|vacant|places"
           r"|students?\s+(?:at|enrolled)\b")
# Stocks of people are not flows: "2 million EU workers living here", "a population of 1.2 million".
STOCK = re.compile(r"\s*(?:\w+\s+){0,5}?(?:living|working\s+in\s+(?:the\s+UK|Britain|the\s+country)|(?:who\s+)?live\s+(?:in|here|abroad|overseas)|residents?|population"
                   r"|born\s+abroad|born\s+overseas|(?:have\s+)?appl(?:y|ied)\b|"
                   r"already\s+here|in\s+the\s+country\s+illegally|visas?\s+(?:issued|granted)|workforce|"
                   + _THINGS + r")\b", _I)
# Named right after the number, things are never a flow, whatever flow words stand nearby: "3 million
# jobs", "1.2 million work visas", "11,000 a month" (a rate, not 12 months), "43,000 people crossed the
# Channel" (crossings in small boats are a Home Office count of their own, not a migration estimate).
COUNTED_THINGS = re.compile(r"\s*(?:(?:[\w-]+\s+){0,3}?(?:visas|" + _THINGS + r")\b"
                            # "14,200 Ukrainians arrived under the Homes for Ukraine scheme": a scheme's count
                            r"|(?:people\s+|asylum\s+seekers\s+|refugees\s+|applicants\s+|of\s+them\s+)?(?:had\s+been\s+|have\s+been\s+|were\s+)?"
                            r"(?:granted|given)\s+(?:British\s+)?(?:citizenship|settlement|leave|asylum|protection|refugee\s+status|documents|visas)"
                            r"|(?:[\w-]+\s+){0,4}?(?:arrived|came)\s+(?:under|through|via|on)\s+(?:the\s+)?(?:[\w'()-]+\s+){0,5}?"
                            r"(?:schemes?|routes?|visas)\b"
                            # "108,138 people claimed asylum": applications, counted by the Home Office
                            r"|(?:people\s+)?(?:have\s+|had\s+)?(?:claimed|applied\s+for)\s+asylum"
                            r"|(?:people\s+|migrants\s+)?"
                            r"(?:have\s+|had\s+)?(?:crossed|crossing)\s+(?:the\s+)?(?:english\s+)?channel"
                            r"|(?:a|per|each|every)\s+(?:month|week|day)\b)", _I)
# "Of the 398,000 people who emigrated, 131,000 were British": a whole named first, its parts after,
# up to the end of the clause run (";").
OF_THE = re.compile(r"(?:^|\b)(?:of|among)\s+(?:the|those|these)\s+$", _I)
FRAME_END = re.compile(r";")
# "a rise in emigration to 694,000, of whom 257,000 were British": a part of the figure just given.
PART_OF = re.compile(r"\bof\s+(?:whom|which|them|these|those)\s+(?:[a-z]+\s+){0,2}$", _I)
# Workers, employees and staff are counted where they work (a stock) unless the words say they moved:
# "2 million EU workers" vs "180,000 EU workers arrived".
WORKER_STOCK = re.compile(r"\s*(?:[\w-]+\s+){0,2}?(?:(?:nationals|citizens|people|migrants)\s+(?:working|employed)\s+in\b|"
                          r"(?:workers|employees|staff)\b(?!\s+(?:(?:have|had|who)\s+)?"
                          r"(?:arriv|came|come|left|leav|emigrat|immigrat|moved|entered)))", _I)
# An age group ("300,000 were aged 16 to 24") is a breakdown outside the contract's vocabulary.
AGE_GROUP = re.compile(r"\s*(?:[\w-]+\s+){0,4}?(?:aged\s+(?:\d|under|over|between)|under\s+the\s+age|over\s+the\s+age)",
                       _I)
AGE_BEFORE = starting_with_first_chars(r"\b(?:aged\s+(?:\d|under|over|between)|under\s+the\s+age|over\s+the\s+age)[^,;:]{0,60}$", _I)
# "The population of the UK passed 67 million": the people living here, not a flow
STOCK_BEFORE = starting_with_first_chars(r"\b(?:population(?:\s+of\s+(?:the\s+)?(?:UK|Britain|United\s+Kingdom|England|the\s+country))?"
                          r"(?:\s+(?:would|will|could|may|might|is\s+set\s+to|is\s+expected\s+to))?"
                          r"\s+(?:of|grew\s+(?:by|to)|rose\s+(?:by|to)|increased\s+(?:by|to)|to|passed|reached|hit|topped"
                          r"|pass|reach|top|grow\s+(?:by|to)|rise\s+(?:by|to)"
                          r"|stood\s+at|was|is)|total\s+of\s+visas|"
                          r"visas?\s+(?:to|for)|stock\s+of)\s*(?:\w+\s+){0,2}$"
                          # "Coventry's population grew by 5,300 to 371,500": the level it reached
                          r"|\bpopulation\s+(?:grew|rose|increased|fell)\s+by\s+[\d,.]+\s*(?:k|m|million)?\s+to\s+$", _I)

# "the university, which has around 6,200 international students": what a place has is a stock
POSSESSION_BEFORE = re.compile(r"\b(?:has|have|hosts?|employs?|houses?|helped|supported|assisted|advised|served|housed|treated)\s+(?:(?:around|about|some|roughly|nearly|almost|over"
                               r"|more\s+than|approximately|an\s+estimated|fewer\s+than|under)\s+)?$", _I)

# Moves between the UK's nations are internal migration, not flows across the UK's border: "11,000
# moved to Scotland from the rest of the UK", "12,900 went the other way, to England, Scotland or Wales"
INTERNAL_MOVE = re.compile(r"\b(?:from|to|for|into|with)\s+(?:the\s+)?(?:rest\s+of|other\s+parts\s+of|elsewhere\s+in)\s+"
                           r"(?:the\s+)?(?:UK|United\s+Kingdom|Britain)\b|\bwithin\s+the\s+(?:UK|United\s+Kingdom)\b"
                           r"|\binternal\s+migration\b|\bcross-border\s+moves?\b", _I)
NATION_MOVE = re.compile(r"\b(?i:from|to|for|into)\s+(England|Scotland|Wales|Northern\s+Ireland|Great\s+Britain)\b")
UK_NATIONS = {"England", "Scotland", "Wales", "Northern Ireland"}

# "Who came?", "How many left?": a question's own verb names the flow of its answer
QUESTION_FLOW = re.compile(r"\b(?:who|how\s+many(?:\s+people)?)\s+(came|arrived|left|emigrated)\b", _I)
QUESTION_FLOWS = {"came": "immigration", "arrived": "immigration", "left": "emigration", "emigrated": "emigration"}

# Numbers that count no people moving, told by the words right before them (one search per number):
NOT_A_COUNT_BEFORE = re.compile(
    # the size of a sample: "a survey of 1,200 prospective students", "polled 2,000 adults", "n=2,104"
    r"\b(?:(?:survey|poll|sample|panel|questionnaire)\s+of|(?:surveyed|polled|questioned|interviewed|sampled)|n\s*=)"
    r"\s*(?:(?:around|about|some|roughly|nearly|almost|over|more\s+than|just\s+over|fewer\s+than)\s+)?$"
    # an estimate's uncertainty: "738,000 (95% CI: 678,000 to 798,000)", "plus or minus 35,000"
    r"|(?:\b(?:CI|confidence\s+interval|range|margin\s+of\s+error)\s*(?::|of|was|is)?\s*(?:between\s+|from\s+)?"
    r"|\bplus\s+or\s+minus\s+|±\s*|\bgive\s+or\s+take\s+)$"
    # registrations: "Romanians and Bulgarians registered for 26,600 numbers"
    r"|\bregistered\s+for\s+(?:about\s+|around\s+|some\s+|nearly\s+|over\s+)?$", _I)

# "the number of EU nationals working in the UK fell by 86,000 to 2.27 million": a stock, whatever it did
STOCK_SUBJECT = starting_with_first_chars(r"\b(?:number|total|count)\s+of\s+(?:[\w-]+\s+){0,5}?(?:working|living|employed|resident|"
                           r"residing|studying|in\s+work|joining|registered|on\s+the\s+register)\b[^;:]{0,80}$", _I)
COUNTED_NOUN = re.compile(r"\b(?:registrations|national\s+insurance\s+numbers|" + _COUNTED_NOUNS + r")\b", _I)
# "EU and non-EU citizens together outnumbered them, the former at 86,000 and the latter at 112,000"
FORMER_LATTER = re.compile(r"\bthe\s+(former|latter)(?:\s+(?:at|with|numbered|numbering|was|were|on|of|totalling|totaling))?\s+$", _I)
# "higher than in 2003, when 513,000 people arrived": a "when" clause is dated by the period before it
WHEN_AFTER = re.compile(r",?\s+when\b", _I)
# "In 2002, 64,000 people came to study; in 2012 the number who did so was 182,000": the same again
DID_SO = re.compile(r"\b(?:who|that)\s+did\s+so\b[^.;\d]{0,20}$", _I)
# "Work, the main reason for coming in 2002, was given by 181,000 newcomers": the reason named first
GIVEN_BY = re.compile(r"\b(?:was|were)\s+(?:given|cited|named)\s+by\s+(?:(?:about|around|some|nearly)\s+)?$", _I)
# "186,000 of the 359,000 who left in 2002 and 143,000 of the 326,000 who left in 2012": parallel parts
PART_OF_THE = re.compile(r"\s+of\s+(?:the|those|these)\b", _I)
# "147,000 rather than the 250,000 the think-tank had projected": a projection named after its number
FORECAST_AFTER = re.compile(r"\s+(?:that\s+|which\s+)?(?:the\s+|some\s+|many\s+)?(?:[\w'-]+\s+){0,3}?(?:had\s+|has\s+|have\s+)?"
                            r"(?:projected|forecast|predicted|expected|anticipated|assumed)\b", _I)
# "Immigration (1.2m) outstripped emigration (532k) by 685k": the margin is the balance
EXCEEDED_BY = re.compile(r"\b(?:exceed(?:ed|s)?|outstrip(?:ped|s)?|outnumber(?:ed|s)?|outpace(?:d|s)?|topped)\s+(?:departures|emigration|outflows?|those\s+leaving|leavers|emigrants"
                         r"|the\s+number\s+(?:of\s+people\s+)?(?:leaving|who\s+left))(?:\s*\([^()]{0,20}\))?\s+by\s+"
                         r"(?:(?:about|around|some|nearly|almost|roughly|more\s+than|over)\s+)?$", _I)
# "866,000, made up of 1,297,000 arrivals and 431,000 departures": the whole is the balance
NET_MADE_OF_AFTER = re.compile(r",?\s+(?:(?:is|was)\s+)?(?:made\s+up\s+of|the\s+(?:balance|difference|result|product)\s+of|from|with)\s+"
                               r"[\d,.]+\s*(?:k|m|mn|million)?\s+(?:arrivals|immigrants|people\s+arriving|arriving|inflows?|incomers)\s+"
                               r"(?:and|minus|less)\s+[\d,.]+\s*(?:k|m|mn|million)?\s+(?:departures|emigrants|leavers|people\s+leaving|leaving"
                               r"|outflows?)\b", _I)
# The population's growth through migration is net migration, not a stock.
NET_GROWTH_AFTER = re.compile(r"\s+(?:people\s+)?(?:through|because\s+of|due\s+to|as\s+a\s+result\s+of|from)\s+(?:the\s+)?"
                              r"(?:net\s+)?(?:international\s+)?(?:migration|immigration)\b"
                              , _I)
# "migration produced a net increase of 92,000 in the UK's population"
NET_INCREASE_BEFORE = re.compile(r"\bnet\s+(?:increase|gain|rise|addition)\s+of\s+$", _I)
IN_POPULATION = re.compile(r"\s+(?:people\s+)?(?:in|to)\s+(?:the\s+)?(?:UK'?s?\s+|Britain'?s?\s+|British\s+)?population\b", _I)
NET_GROWTH_BEFORE = re.compile(r"\b(?:net\s+)?migration\s+(?:adds|added|add|adding)\s+(?:[a-z]+\s+)?$", _I)
TO_POPULATION = re.compile(r"\s+(?:people\s+)?to\s+(?:the\s+)?(?:UK'?s?\s+|Britain'?s?\s+|British\s+)?population\b", _I)
# "Vacancies stood at 829,000": things counted, named before their number
THINGS_BEFORE = starting_with_first_chars(r"\b(?:small[- ]boat\s+(?:arrivals|crossings)\b[^.;]{0,100}"
                           r"|(?:universit(?:y|ies)|college|school)\b[^.;]{0,60}\b(?:had|has|have|enrolled|admitted|taught)"
                           # "4,300 of the university's 21,000 students": who is enrolled, not who arrived
                           r"|\b(?:university|college|school|campus)['’]s\s+"
                           r"|backlogs?\s+of"  # "a backlog of 312,000 immigration and asylum cases"
                           # "the number of National Insurance numbers issued to EU nationals, 630,000 in ..."
                           r"|national\s+insurance\s+(?:\(NI\)\s+)?(?:numbers?|registrations)\b[^.;\d]{0,60}?,"
                           # "the department granted asylum or another form of protection to 47,000 people"
                           r"|granted\s+(?:asylum|protection|refugee\s+status|citizenship|settlement|leave)[^.;\d]{0,50}?\bto"
                           r"|(?:questions|interviews|surveys|samples|polls)\s+(?:about|around|some|roughly)?"
                           # "Asylum applications, which are counted separately, fell 41 per cent to 49,400"
                           r"|(?:" + _COUNTED_NOUNS + r"|register)\b(?:(?!immigra|emigra|migra|arriv|net\b)[^.;]){0,80}?"
                           r"\b(?:fell|fallen|rose|risen|stood|stands?|reached|hit|totall?ed|numbered|climbed|dropped|declined|peaked)\b[^.;]{0,30}|(?:vacancies|applications|visas|jobs|crossings|claims|grants|unemployment|employment"
                           r"|the\s+jobless\s+total|the\s+claimant\s+count|" + _THINGS + r")"
                           # ("Asylum applications in 2026: 96,870": a label with its period)
                           r"(?:\s+(?:in|for|during|over)\s+[^.;:\n]{1,30}?)?(?:,?\s+which)?\s*(?::|,|stood\s+at|stands\s+at|were|was|is|totall?ed|reached|hit|rose\s+to|fell\s+to|climbed\s+to|dropped\s+to"
                           r"|numbered)|(?:employs|employed|employing|hires|hired)(?:\s+(?:more\s+than|over|about|around|some|nearly|almost))?)"
                           r"\s*(?:[a-z]+\s+){0,3}$", _I)


class Cue(NamedTuple):  # a tuple: made by the thousand per article, cheaper than a dataclass
    start: int
    end: int
    family: str   # flow | breakdown | geography
    value: str    # "net_migration", "reason:work", "Australia"


def lowercase_pattern(pattern: str) -> str:
    """A pattern's literals in lower case, escapes (`\\S`, `\\B`) and `(?P<` kept as they are."""
    out, i = [], 0
    while i < len(pattern):
        if pattern[i] == "\\":
            out.append(pattern[i:i + 2])
            i += 2
        elif pattern.startswith("(?P", i):
            out.append("(?P")
            i += 3
        else:
            out.append(pattern[i].lower())
            i += 1
    return "".join(out)


def lowercase(text: str) -> str:
    """Lower case with every offset unchanged (a few characters grow when lowered; they stay as they are)."""
    low = text.lower()
    return low if len(low) == len(text) else "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _family(entries, case_sensitive=False):
    """One regex per family, alternatives in priority order, so at any position the most specific
    cue wins and matches never overlap. Case-insensitive families run on lowered text:
    re.IGNORECASE makes Python's alternations several times slower. Cues start at a word's start."""
    rx, tags = compile_alternation([(tag, p if case_sensitive else lowercase_pattern(p)) for tag, p in entries])
    return rx, tags, case_sensitive


_FLOW_RX = _family(FLOW_CUES)
_BREAKDOWN_RX = _family([(f"{dim}:{value}", rx) for dim, value, rx in BREAKDOWN_CUES])
_GEO_RX = _family(GEOGRAPHY_CUES, case_sensitive=True)  # proper nouns: "US", not "us"

# The words that open a kind cue: a target or forecast word, or a word of movement ("fell by",
# "a rise of", "net fall of", "rose 30,000"). Found once per sentence; `figures` checks the exact
# pattern only where one of them stands shortly before a number.
_KIND_RX, _KIND_TAGS = compile_alternation(
    [("target", lowercase_pattern(w) + r"\b") for w in alternatives(TARGET_WORDS)]
    + [("forecast", lowercase_pattern(w) + r"\b") for w in alternatives(FORECAST_WORDS)]
    + [("change", w) for w in alternatives(CHANGE_NOUNS) + ["net"]])


def kind_cues(lowered: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, "target" | "forecast" | "change") of every kind word in a lowered text."""
    return [(m.start(), m.end(), _KIND_TAGS[m.lastgroup]) for m in _KIND_RX.finditer(lowered, start, end)]


def has_flow_cue(lowered: str, start: int = 0, end: int | None = None) -> bool:
    """Whether a text (lowered) says anything about people moving: articles that do not are skipped."""
    end = len(lowered) if end is None else end
    return _FLOW_RX[0].search(lowered, start, end) is not None or _MIGRATION.search(lowered, start, end) is not None


_MIGRATION = re.compile(r"\bmigra")  # "the population grew by 230,000 through migration"


def _scan(text, start, end, family, compiled, masks, lowered=None):
    rx, tags, case_sensitive = compiled
    if case_sensitive or lowered is not None:
        source, shift = (text if case_sensitive else lowered), 0
    else:  # lower just this span, never the text before it
        source, shift = lowercase(text[start:end]), start
    cues = []
    for m in rx.finditer(source, start - shift, end - shift):
        s, e = m.start() + shift, m.end() + shift
        if masks and any(ms < e and s < me for ms, me in masks):
            continue  # words inside a definition or a contrast describe nothing counted
        cues.append(Cue(s, e, family, tags[m.lastgroup]))
    return cues


_BALANCE_DEFINED = re.compile(r"the\s+(?:\w+\s+)?(?:difference|gap|balance)\s+between\s+(?:the\s+numbers?\s+(?:of\s+)?)?"
                              r"(?:arrivals|immigration|inflows?|those\s+arriving|people\s+(?:arriving|coming)"
                              r"|the\s+[\d,.]+\s*(?:k|m|million)?\s+(?:people\s+)?(?:who\s+)?(?:arrived|came|moved|migrated|arrivals))"
                              r"|(?:the\s+)?(?:people|those)\s+who\s+(?:came|arrived)\s+(?:minus|less)", _I)


_BALANCE_TAIL = re.compile(r"(?:[^,;:()–—]|,(?=\d))*")


def masked_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in MASKS.finditer(text, start, end)]


COORDINATION = re.compile(r"\s+(?:and|or|&)\s+|\s*/\s*", _I)


_REST_OF_THE_WORLD = re.compile(r"rest\s+of\s+the\s+world", _I)


def _rest_of_the_world(text: str, cues: list[Cue]) -> list[Cue]:
    """"269,000 from another EU country, almost as many as the 277,000 who came from the rest of the world":
    set against the EU, the rest of the world is everyone outside it."""
    if not any(c.value == "citizenship:eu" for c in cues):
        return cues
    return [c._replace(value="citizenship:non_eu") if c.value == "unlisted:unlisted"
            and _REST_OF_THE_WORLD.fullmatch(text, c.start, c.end) else c for c in cues]


def _uncoordinated(text: str, cues: list[Cue]) -> list[Cue]:
    """Two groups joined as one ("work and study visas", "EU and non-EU citizens") describe neither
    group's own number: both cues are dropped."""
    joined = set()
    for a, b in zip(cues, cues[1:]):
        if a.value.partition(":")[0] == b.value.partition(":")[0] and COORDINATION.fullmatch(text, a.end, b.start):
            joined.update((a.start, b.start))
    return [c for c in cues if c.start not in joined] if joined else cues


# "... for work in the year to March 2017 and 259,000 in the year to September 2017": the same again
AND_THEN = re.compile(r"[^,;.]{0,60}?\s+and\s+(?:(?:some|about|around|another|a\s+further)\s+)?", _I)
LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)", _I)  # "Immigration and emigration", "British, EU and"
# ("The bulk of arrivals – 964,000 – were nationals of countries outside the EU": between dashes too)
APPOSITIVE_PREDICATE = re.compile(r"(?:,|\s[–—-])\s+(?:came|come|arrived|left|moved|emigrated|were|was|had|have)\b", _I)
INCLUDING = re.compile(r"\b(?:including|of\s+which|of\s+these|of\s+them)\s+$", _I)
TOTAL_BEFORE = re.compile(r"\btotal\s+(?:reaches|reached|stands\s+at|stood\s+at|is|was|of|hits?|rises\s+to|rose\s+to)\s+$", _I)
PAST_LEVELS = re.compile(r"(?:that|which|who)\s+had\s+", _I)
THAT_IS = re.compile(r"\s*[\"“]?(?:that|this|it)\s+(?:is|was)\b", _I)  # the figure just given
RESPECTIVELY = re.compile(r"\brespectively\b|\bin\s+that\s+order\b", _I)
# After the last number of a run ("130,000 and 970,000", joined as a LIST_JOIN), up to "respectively"
RUN_TAIL = re.compile(r"(?:\s+[a-zA-Z-]+){0,4}?,?\s+", _I)


def labels_in_order(text: str, start: int, end: int, lowered: str | None = None) -> dict[str, list[Cue]]:
    """Flow and group words in text[start:end] in the order written, coordinated ones included ("EU
    and non-EU immigration were 130,000 and 970,000 respectively")."""
    masks = masked_spans(text, start, end)
    groups = _scan(text, start, end, "breakdown", _BREAKDOWN_RX, masks, lowered)
    listed = _CITIZENSHIP_LIST.search(text, start, end)  # "British, EU and non-EU": "EU" alone names a group here
    if listed:
        groups = sorted([c for c in groups if not (listed.start() <= c.start < listed.end())] +
                        [Cue(m.start(), m.end(), "breakdown", "citizenship:" + _LISTED_GROUP[m.group(0).lower().replace(" ", "-")])
                         for m in _LISTED_WORD.finditer(text, listed.start(), listed.end())], key=lambda c: c.start)
    return {"flow": _scan(text, start, end, "flow", _FLOW_RX, masks, lowered), "breakdown": groups}


_LISTED_GROUP = {"british": "british", "eu": "eu", "non-eu": "non_eu"}
_LISTED_WORD = re.compile(r"\bnon[- ]EU\b|(?<![-\w])EU\b|\bBritish\b", _I)
_CITIZENSHIP_LIST = re.compile(r"\b(?:British|non[- ]EU|EU)(?:\s*,\s*(?:British|non[- ]EU|EU))*\s*,?\s+and\s+(?:British|non[- ]EU|EU)\b", _I)


_OPPOSITE = {"immigration": "emigration", "emigration": "immigration"}


def _the_other_way(cues: list[Cue]) -> list[Cue]:
    """"went the other way" is the opposite of the last arriving or leaving named before it; with none, nothing."""
    out: list[Cue] = []
    for c in cues:
        if c.value == "other_way":
            before = next((o.value for o in reversed(out) if o.value in _OPPOSITE), None)
            if before:
                out.append(c._replace(value=_OPPOSITE[before]))
        else:
            out.append(c)
    return out


_ALL_FAMILIES = ("flow", "breakdown", "geography")


def find_cues(text: str, start: int, end: int, lowered: str | None = None,
              families: tuple[str, ...] = _ALL_FAMILIES) -> list[Cue]:
    """Cues in text[start:end]; pass `lowercase(text)` as `lowered` when scanning one text often.
    A caller that reads one family only names it in `families`: each family is found on its own,
    so the others need not be scanned."""
    masks = masked_spans(text, start, end)
    cues = _scan(text, start, end, "flow", _FLOW_RX, masks, lowered) if "flow" in families else []
    if "flow" in families and not any(c.value == "net_migration" for c in cues):
        # "wants the annual difference between arrivals and departures to fall below 100,000", "the gap
        # between the 545,000 who arrived and the 376,000 who left": with no other name, the balance
        balance = _BALANCE_DEFINED.search(text, start, end) if (
            text.find("between", start, end) >= 0 or text.find(" minus ", start, end) >= 0
            or text.find(" less ", start, end) >= 0) else None
        if balance:  # named where the phrase ends, next to the number it describes
            at = _BALANCE_TAIL.match(text, balance.start(), end).end()
            cues.append(Cue(at, at, "flow", "net_migration"))
            cues.sort(key=lambda c: c.start)
    if any(c.value == "other_way" for c in cues):
        cues = _the_other_way(cues)
    if "breakdown" in families:
        cues += _rest_of_the_world(text, _uncoordinated(text, _scan(text, start, end, "breakdown", _BREAKDOWN_RX, masks, lowered)))
    for cue in _scan(text, start, end, "geography", _GEO_RX, masks) if "geography" in families else ():
        if cue.value != SOURCE_UK and _DESTINATIONS_AFTER.match(text, cue.end, min(end, cue.end + 80)):
            continue
        if cue.value == "UK" and _OUTSIDE_BEFORE.search(text, max(0, cue.start - 20), cue.start):
            continue  # "came to live in Northern Ireland from outside the UK": where they came from
        if cue.value == "UK" and _MEASURED_AGAINST.search(text, max(0, cue.start - 30), cue.start) \
                and not _OWN_NUMBER_AFTER.match(text, cue.end):
            continue  # "from a population under half the size of Britain's": a yardstick ("a fraction of Britain's 223,000" is not)
        if cue.value == "UK" and _LEFT_FOR.search(text, max(0, cue.start - 90), cue.start):
            continue  # "62,000 Spaniards left last year, many for Germany and Britain": where leavers went
        if cue.value not in ("UK", SOURCE_UK) and (_ORIGIN_BEFORE.search(text, max(0, cue.start - 20), cue.start)
                                   or _DESTINATION_OF_LEAVERS.search(text, max(0, cue.start - 90), cue.start)
                                   or _EXAMPLES_BEFORE.search(text, max(0, cue.start - 60), cue.start)):
            continue
        if cue.value == _CITY:
            cue = cue._replace(value=_CITY_NAME.search(text, cue.start, cue.end).group(0))
        if cue.value not in ("UK", SOURCE_UK) and re.match(r"(?:'s)?\s+(?:citizens|nationals|migrants|immigrants|workers|students|born)",
                                          text[cue.end:cue.end + 20], _I):
            continue
        cues.append(cue)
    return sorted(cues, key=lambda c: c.start)


def direction_of(words: str) -> str:
    return "down" if _DOWN.search(words) else "up"


# Patterns tried in a short window around every number or over a sentence, which most windows give
# no match: each first looks for the words a match needs (a plain substring search), and only then
# runs in full.
(THINGS_BEFORE, MASKS, MISPRINT_BEFORE, RESPECTIVELY, NOT_A_COUNT_BEFORE, EXCEEDED_BY, STOCK_SUBJECT, AGE_BEFORE,
 SUPERSEDED_BEFORE, STOCK_BEFORE, WORKER_STOCK, POSSESSION_BEFORE, FORECAST_AFTER, COUNTED_THINGS, STOCK, REVISION,
 _DESTINATIONS_AFTER, _LEFT_FOR) = map(prefiltered, (
    THINGS_BEFORE, MASKS, MISPRINT_BEFORE, RESPECTIVELY, NOT_A_COUNT_BEFORE, EXCEEDED_BY, STOCK_SUBJECT, AGE_BEFORE,
    SUPERSEDED_BEFORE, STOCK_BEFORE, WORKER_STOCK, POSSESSION_BEFORE, FORECAST_AFTER, COUNTED_THINGS, STOCK, REVISION,
    _DESTINATIONS_AFTER, _LEFT_FOR))
