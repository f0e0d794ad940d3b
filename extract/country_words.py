"""The words and patterns the country rules of `extract.country_roles` look for: data, one named set per cue.

>>> "Pact" in NAME_HEADS, "philosopher" in PERSON_NOUNS
(True, True)
"""
from __future__ import annotations

import re

# lower case unless noted
NAME_HEADS = frozenset({  # capitalised, after a place: the name of something else
    "Pact", "Accord", "Accords", "Treaty", "Agreement", "Agreements", "Protocol", "Protocols", "Convention",
    "Conventions", "Declaration", "Process", "Consensus", "Club", "Doctrine", "Syndrome", "Spring", "Round",
    "Statute", "Charter", "Memorandum", "Principles", "Conference", "Summit", "Communique", "Format", "Talks",
    "County", "Township", "Parish",  # "Essex County" (New Jersey) is not Essex in England
})
NAME_OPENERS = ("Treaty of", "Peace of", "Congress of", "Battle of", "Siege of", "Declaration of", "Conference of",
                "Protocol of", "Statute of", "Treaty of the", "Sack of", "Fall of")
NAME_PREFIXES = frozenset({"post", "pre", "non"})  # joined by a hyphen: "a post-Madrid plan"
PLACE_MODIFIERS = frozenset({
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central", "Greater", "Upper",
    "Lower", "New", "Old", "Inner", "Outer", "Metro", "Metropolitan", "Mainland", "Communist", "Nazi", "Imperial",
    "Red", "Free", "Occupied", "Soviet", "Little", "Downtown", "Coastal", "Rural", "Urban", "Northeast", "Northwest",
    "Southeast", "Southwest", "Tsarist", "Ottoman", "Colonial", "Postwar", "Prewar", "Modern", "Ancient", "Federal",
})
SENTENCE_WORDS = frozenset({  # capitalised words that start sentences, not given names
    "The", "A", "An", "In", "At", "On", "For", "From", "To", "By", "With", "And", "But", "Or", "As", "Of", "Both",
    "Neither", "Either", "While", "When", "Where", "After", "Before", "Since", "Until", "Unlike", "Like", "Including",
    "Against", "Across", "Inside", "Outside", "Within", "Throughout", "Meanwhile", "Then", "Now", "Today", "Also",
    "Only", "Even", "All", "Many", "Some", "Most", "Other", "If", "Though", "Although", "Because", "So", "Yet", "Why",
    "How", "What", "Who", "Which", "That", "This", "These", "Those", "There", "Here", "It", "Its", "He", "She", "They",
    "We", "I", "You", "His", "Her", "Their", "Our", "My", "Your", "Over", "Under", "Near", "Into", "Onto", "Through",
    "During", "Despite", "Without", "Via", "Per", "Between", "Among", "Beyond", "Toward", "Towards", "About", "Around",
    "Along", "Visit", "Visiting", "Says", "Said", "Yesterday", "Tomorrow", "Tonight", "Not", "No", "Yes", "Dear",
    "Welcome", "Rural", "Hello", "Photograph", "Picture", "Source", "Sources", "Update", "Breaking", "Live",
    "Given", "Following", "According", "Amid", "Once", "Just", "Perhaps", "Still", "Indeed", "Instead", "Thus", "Hence",
    "However", "Moreover", "Furthermore", "Nevertheless", "Later", "Earlier", "Last", "Next", "Every", "Each", "Any",
    "Such", "Several", "Few", "Much", "More", "Less", "Help", "Keep", "Let", "Make", "Watch", "See", "Read", "Did",
    "Does", "Do", "Is", "Was", "Are", "Were", "Has", "Have", "Had", "Can", "Could", "Will", "Would", "Should", "May",
    "Might", "Must", "Shall", "Whether", "Unless", "Upon", "Versus", "Beside", "Besides", "Except", "Whereas",
    "Whatever", "Whoever", "Wherever", "Ahead", "Behind", "Beneath", "Above", "Below", "Off", "Out", "Up", "Down",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
    "April", "June", "July", "August", "September", "October", "November", "December", "Sept", "Oct", "Nov", "Dec",
    "Jan", "Feb", "Aug",
})
# Place names that also start other names: "Chad Johnson", "Jordan Peterson", "Rio Nido", "Virginia Woolf".
GIVEN_NAME_PLACES = frozenset({"Chad", "Jordan", "Georgia", "Israel", "India", "Kenya", "Florence", "Virginia",
                               "Houston", "Austin", "Madison", "Phoenix", "Lincoln", "Montana", "Dakota", "Sydney", "Rio"})
NAME_LEADERS = frozenset({"Air"})  # "Air Canada", "Air France", "Air India": airlines
DISEASE_NAMES = frozenset({"flu", "influenza"})  # "Spanish flu", "Hong Kong flu": names of pandemics
FOLLOWING_NAME_WORDS = frozenset({"Administration", "Government", "Cabinet", "Doctrine", "Plan", "Era", "Presidency",
                                  "White", "Foundation", "Library"})  # "the Clinton Administration": still the person
TITLE_WORDS = frozenset({"President", "Mr", "Mrs", "Ms", "Miss", "Senator", "Sen", "Rep", "Gov", "Governor", "General",
                         "Gen", "Dr", "Professor", "Prof", "Judge", "Justice", "Saint", "St", "Sir", "Lord", "Lady"})
PERSON_NOUNS = frozenset({
    "philosopher", "economist", "analyst", "expert", "scholar", "writer", "author", "novelist", "poet", "singer",
    "actor", "actress", "star", "artist", "musician", "historian", "professor", "journalist", "composer", "painter",
    "scientist", "researcher", "footballer", "player", "athlete", "billionaire", "businessman", "businesswoman",
    "tycoon", "icon", "architect", "designer", "photographer", "filmmaker", "comedian", "rapper", "chef", "explorer",
    "inventor", "mathematician", "physicist", "commentator", "columnist", "academic", "sociologist", "blogger",
    "entrepreneur", "thinker", "dramatist", "playwright", "sculptor", "conductor", "pianist", "director",
})
ORIGIN_SUFFIXES = frozenset({"born", "made", "built", "designed", "educated", "style", "trained"})  # not "based":
# a "Toronto-based" company acting is its country acting
LANGUAGE_NOUNS = frozenset({"language", "languages", "speaking", "speaker", "speakers", "translation", "subtitles",
                            "dialect", "text", "original", "words"})
SPEAK_VERBS = frozenset({"speak", "speaks", "spoke", "speaking", "spoken", "fluent", "translated", "written", "dubbed"})
FOOD_WORDS = frozenset({"roast", "roasted", "dinner", "thanksgiving", "stuffing", "meat", "poultry", "sandwich",
                        "breast", "gravy", "carving", "feathers", "bird", "birds", "cranberry", "cooked", "oven",
                        "leftovers", "farmers", "hunting", "wild", "pardoned", "drumstick", "christmas"})
PRONOUN_GOVERNORS = frozenset({
    "LET", "TELL", "TELLS", "TOLD", "GIVE", "GIVES", "GAVE", "HELP", "HELPS", "FOR", "TO", "WITH", "OF", "ABOUT",
    "JOIN", "BETWEEN", "AMONG", "FROM", "BY", "AT", "LIKE", "AGAINST", "BEHIND", "WITHOUT", "SAVE", "KILL", "KILLS",
    "LEAVE", "LEAVES", "SHOW", "SHOWS", "MAKE", "MAKES", "TAKE", "SEND", "HEAR", "SEE", "TEACH", "THANK", "PROTECT",
    "UNITE", "UNITES", "DIVIDE", "DIVIDES", "BEFORE", "AFTER", "OF", "FOLLOW", "TRUST", "BELIEVE", "CALL",
})
COMPARISON_OPENERS = ("unlike", "than", "compared with", "compared to", "similar to", "as did", "just as", "as in")
MEETING_OR_JOURNEY = frozenset({
    "summit", "summits", "meeting", "meetings", "met", "meet", "talks", "conference", "gathering", "forum", "session",
    "signed", "signing", "ceremony", "invited", "join", "joined", "visit", "visits", "visited", "visiting", "trip",
    "returned", "return", "returning", "flew", "travelled", "traveled", "travel", "arrived", "back", "hosted",
    "tournament", "cup", "championship", "games", "olympics", "reporting", "broadcast", "live", "studio",
})
CREDIT_OPENERS = ("additional reporting", "reporting by", "editing by", "writing by", "compiled by", "photograph:",
                  "photo:", "picture:", "copyright")
DATELINE = re.compile(r"^\s*[A-Z][A-Z .'-]+(?:,\s*[A-Z][\w .'-]*)?\s*(?:\((?:AP|AFP|Reuters|UPI|dpa)\)|--|_|—|–)")
CLAUSE_BREAK = re.compile(r"[,;:()\[\]]|\s[–—-]\s|--")
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# A year as written in prose ("in 1941", "Germany's 1941 attack", "June 22, 1941"), not a time stamp ("1126 US actor"),
# nor "since 1901" (a state lasting until now: "Australia has been independent since 1901").
YEAR = re.compile(r"(?:\b(?:in|of|from|until|by|during|before|after|the|and|to|circa)\s+|['’]s\s+|"
                  rf"\b(?:{MONTHS})\s+(?:\d{{1,2}},?\s+)?)(?P<year>1[5-9][0-9]{{2}}|20[0-9]{{2}})\b")
WORD = re.compile(r"[^\W\d_][\w'-]*")
US_PLACE_TYPES = frozenset({"city", "region"})
GEORGIA_US_CONTEXT = frozenset({"Atlanta", "Savannah", "Augusta", "Macon", "Athens", "Columbus", "Ga", "governor",
                                "Gov", "county", "County", "Democrat", "Republican", "Sen", "Senator", "Rep", "state",
                                "Alabama", "Florida", "Tennessee", "Carolina", "Braves", "Falcons"})
