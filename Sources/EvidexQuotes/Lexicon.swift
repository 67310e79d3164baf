/// Closed word lists for attribution, written for this package. Matching is on lowercased words.
enum Lexicon {
    /// Reporting verbs (all inflections that introduce speech in news prose).
    static let reportingVerbs: WordSet = {
        let stems = [
            "say", "says", "said", "saying", "tell", "tells", "told", "telling", "add", "adds", "added", "adding",
            "write", "writes", "wrote", "writing", "ask", "asks", "asked", "asking", "explain", "explains",
            "explained", "explaining", "argue", "argues", "argued", "arguing", "noted", "noting",
            "stated", "stating", "insist", "insists", "insisted", "insisting", "tweet", "tweets",
            "tweeted", "tweeting", "warn", "warns", "warned", "warning", "claim", "claims", "claimed", "claiming",
            "declare", "declares", "declared", "declaring", "continues", "continued", "continuing",
            "reply", "replies", "replied", "replying", "respond", "responds", "responded", "responding",
            "recall", "recalls", "recalled", "recalling", "acknowledge", "acknowledges", "acknowledged",
            "acknowledging", "admit", "admits", "admitted", "admitting", "announce", "announces", "announced",
            "announcing", "suggest", "suggests", "suggested", "suggesting", "urge", "urges", "urged", "urging",
            "contend", "contends", "contended", "contending", "counter", "counters", "countered", "countering",
            "concede", "concedes", "conceded", "conceding", "complain", "complains", "complained", "complaining",
            "predict", "predicts", "predicted", "predicting", "remark", "remarks", "remarked", "remarking",
            "observe", "observes", "observed", "observing", "emphasize", "emphasizes", "emphasized",
            "emphasizing", "emphasise", "emphasises", "emphasised", "emphasising", "stress", "stresses",
            "stressed", "stressing", "quip", "quips", "quipped", "quipping", "joke", "jokes", "joked", "joking",
            "shout", "shouts", "shouted", "shouting", "yell", "yells", "yelled", "yelling",             "reported", "testify", "testifies", "testified", "testifying", "maintain", "maintains", "maintained",
            "maintaining", "conclude", "concludes", "concluded", "concluding", "agree", "agrees", "agreed",
            "lament", "laments", "lamented", "lamenting", "boast", "boasts", "boasted", "boasting", "vow", "vows",
            "vowed", "vowing", "promised", "promising", "pledged",
            "charged", "allege", "alleges", "alleged", "wonder", "wonders", "wondered",
            "muse", "mused", "caution", "cautions", "cautioned", "cautioning", "posted",
            "describe", "describes", "described", "describing", "call", "calls", "called", "calling", "deny",
            "denies", "denied", "denying", "demand", "demands", "demanded", "demanding", "recommend",
            "recommends", "recommended", "recommending", "exclaim", "exclaimed", "proclaim", "proclaimed",
            "reiterate", "reiterated", "reiterates", "repeat", "repeated", "repeats", "retort",
            "retorted", "snap", "snapped", "scoff", "scoffed", "sneer", "sneered", "concur", "concurred",
            "confirm", "confirms", "confirmed", "confirming", "assert", "asserts", "asserted", "asserting",
            "mentioned", "advise", "advises", "advised", "plead", "pleaded", "beg", "begged",
            "whisper", "whispered", "cry", "cried", "chant", "chanted", "sing", "sings", "sang", "reports", "answer", "answers", "answered", "answering", "react", "reacts",
            "reacted", "notes", "elaborated", "elaborates", "griped", "grumbled", "marveled", "marvelled", "pressed",
            "protested", "ranted", "rejoined", "reasoned", "reflected", "sighed", "surmised", "theorized", "thundered",
            "vented", "volunteered", "echoed", "echoes", "texted", "emailed", "messaged", "recounted", "recounts",
            "chimed", "offered", "screamed", "screams", "assured", "assures", "points", "interrupted", "mocked", "quoted", "quotes", "fumed", "raged", "gushed", "hailed", "read", "reads", "put",
            "puts", "tout", "touts", "touted", "touting", "brag", "bragged", "bragging", "blast",
            "blasted", "slam", "slammed", "criticize", "criticized", "criticise", "criticised", "accuse",
            "accused", "accusing", "praise", "praised", "estimated", "propose", "proposed",
            "questioned", "thank", "thanked", "hint", "hinted", "speculate", "speculated",
            "interject", "interjected", "begin", "began", "go", "went", "opine", "opined",
            "summarize", "summarized", "summarise", "summarised", "pointed",         ]
        return WordSet(stems)
    }()

    /// Verbs weak enough that they only count right next to a quotation or a colon
    /// ("went on", "put it", "pointed out", "found").
    static let weakVerbs: WordSet = ["go", "went", "put", "puts", "point", "points", "pointed", "find", "found", "finds",
                                         "begin", "began", "call", "calls", "called", "calling",
                                         "describe", "describes", "described", "describing", "report"]

    static let personPronouns: WordSet = ["he", "she", "i", "we", "they", "you"]
    static let pronouns: WordSet = ["he", "she", "i", "we", "they", "it", "you", "who"]

    /// Words that may sit between a subject and its reporting verb.
    static let auxiliaries: WordSet = [
        "also", "later", "has", "had", "have", "then", "further", "previously", "recently", "once", "would",
        "will", "simply", "repeatedly", "again", "only", "just", "did", "does", "do", "never", "reportedly",
        "publicly", "privately", "first", "often", "frequently", "famously", "flatly", "bluntly",         "explicitly", "specifically", "still", "even", "may", "might", "could", "should", "can", "is", "was",
        "were", "are", "been", "be", "not", "already", "ultimately", "finally", "subsequently", "earlier",
        "quickly", "immediately", "openly", "angrily", "proudly", "curtly", "tersely", "succinctly", "jokingly",
        "sarcastically", "wryly", "solemnly", "confidently", "emphatically", "tearfully", "happily",
        "mockingly", "candidly", "softly", "loudly", "ominously", "memorably", "infamously", "has also",
        "long", "all", "both", "too", "now", "must", "shall", "currently", "personally", "directly",
    ]

    static let determiners: WordSet = [
        "the", "a", "an", "his", "her", "their", "its", "our", "this", "that", "these", "those", "one", "another",
        "several", "some", "many", "two", "three", "other", "each", "every", "both", "most", "my", "your",
    ]

    /// Words that end a subject noun phrase when reading backwards from the verb.
    static let phraseBreakers: WordSet = [
        "that", "who", "whom", "which", "when", "as", "but", "because", "if", "while", "after", "before", "where",
        "since", "so", "though", "although", "whether", "than", "what", "how", "why", "and", "or", "nor", "yet",
        "said", "says", "told", "added", "is", "was", "were", "are", "be", "been", "has", "had", "have", "not",
        "to", "in", "on", "at", "by", "with", "from", "into", "about", "against", "over", "under", "during",
        "until", "through", "then", "also", "there", "here", "now", "today", "yesterday", "however", "instead",
        "meanwhile", "still", "even", "just", "only", "again", "later", "earlier", "recently", "it", "this",
        "these", "those", "all", "both", "not", "no",
    ]

    /// Titles and honorifics that precede a name and are dropped from the canonical name.
    static let titles: WordSet = [
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.", "professor", "sir", "dame",
        "lord", "lady", "sen.", "sen", "senator", "rep.", "rep", "representative", "gov.", "gov", "governor",
        "president", "vice", "secretary", "minister", "chancellor", "judge", "justice", "gen.", "gen", "general",
        "lt.", "col.", "sgt.", "capt.", "adm.", "rev.", "reverend", "mayor", "chairman", "chairwoman", "chair",
        "speaker", "leader", "candidate", "nominee", "former", "acting", "attorney", "state", "sheriff",
        "commissioner", "director", "chief", "ambassador", "congressman", "congresswoman", "sens.", "reps.",
        "prime", "deputy", "first", "pope", "king", "queen", "prince", "princess", "dem.", "democrat",
        "republican", "democratic", "gop", "rabbi", "father", "ald.", "councilman", "councilwoman", "host",
        "anchor", "pollster", "strategist", "analyst", "economist", "spokesman", "spokeswoman", "spokesperson",
        "mr.trump",
    ]

    static let femaleTitles: WordSet = ["ms", "ms.", "mrs", "mrs.", "miss", "dame", "lady", "queen",
                                            "princess", "congresswoman", "chairwoman", "spokeswoman",
                                            "councilwoman"]
    static let maleTitles: WordSet = ["mr", "mr.", "sir", "lord", "king", "prince", "congressman",
                                          "chairman", "spokesman", "councilman", "father"]

    /// Last words of organisation names.
    static let organisationHeads: WordSet = [
        "committee", "group", "fund", "department", "council", "agency", "party", "association", "institute",
        "commission", "board", "trust", "service", "services", "ministry", "office", "union", "university",
        "college", "foundation", "society", "authority", "network", "centre", "center", "company", "corporation",
        "inc", "inc.", "ltd", "plc", "bank", "campaign", "administration", "government", "court", "house",
        "senate", "congress", "parliament", "times", "post", "news", "journal", "press", "bureau", "federation",
        "alliance", "coalition", "organisation", "organization", "forum", "taskforce", "force", "panel",
        "programme", "program", "team", "club", "nhs", "england", "cabinet", "assembly", "tribune", "herald",
        "review", "magazine", "police", "army", "navy", "unit", "caucus", "project", "watch",
        "fox", "cnn", "msnbc", "abc", "nbc", "cbs", "bbc", "reuters", "politico", "breitbart", "gallup",
        "institution", "partnership", "collaborative", "confederation", "standard", "plan",
    ]

    /// Non-person nouns that speak in news prose ("the report said", "the statement added").
    static let documentNouns: WordSet = [
        "report", "statement", "study", "survey", "review", "letter", "document", "memo", "paper", "analysis",
        "release", "filing", "complaint", "lawsuit", "ruling", "inquiry", "investigation", "audit",
        "guidance", "strategy", "plan", "website", "post", "ad", "advert", "advertisement", "poll", "email",
        "tweet", "message", "note", "book", "article", "editorial", "bill", "proposal", "findings", "summary",
        "policy", "platform", "video", "transcript", "submission", "evidence", "consultation", "response",
    ]

    /// Days, months and the like: capitalised, but never speakers ("said Sunday").
    static let timeWords: WordSet = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.", "today", "yesterday", "tonight", "christmas",
    ]
    // Short lists the phrase reader and the extractor ask of tokens; as `WordSet`s they are
    // probed with the token's hash instead of compared word by word (an array literal of
    // strings compared in turn was a visible share of the extractor's time).
    /// Prepositions after which a capitalised modifier and a verb-looking word make a noun
    /// ("32% of Republican claims").
    static let nounSlotPrepositions: WordSet = ["of", "about", "with", "from", "on", "by", "for", "in"]
    /// Particles that make a weak verb a cue ("pointed out", "went on").
    static let verbParticles: WordSet = ["out", "on", "it", "in"]
    /// Forms of "call", a cue with "for" ("called for").
    static let callForms: WordSet = ["called", "calls", "call", "calling"]
    /// Lower-case words that may sit inside a speaker's name ("Bank of England", "Ursula von der Leyen").
    static let speakerNameJoiners: WordSet = ["of", "and", "for", "the", "de", "da", "van", "von", "al", "bin", "del",
                                              "la", "le"]
    /// Personal pronouns that can be the subject of a reporting verb.
    static let subjectPronouns: WordSet = ["he", "she", "we", "they", "i"]
    /// Phrase breakers that may still sit inside a name ("Secretary of State for Health").
    static let breakersInsideNames: WordSet = ["for", "of", "at", "with", "the"]
    /// Words that follow a cue without ending its clause (a time, a place, a manner).
    static let afterCueWords: WordSet = ["in", "on", "at", "during", "of", "to", "about", "after", "before", "while",
                                         "when", "from", "with", "via", "last", "this", "earlier", "later", "recently",
                                         "yesterday", "today"]
    /// Words that open a subordinate clause.
    static let clauseOpeners: WordSet = ["that", "who", "which", "because", "if", "when", "whether"]
    /// Forms of "be": "was told" is a passive, with no speaker here.
    static let beForms: WordSet = ["was", "were", "been", "being", "is", "are", "be"]
    /// Words that may introduce a name before a colon ("More from Blumenthal: …").
    static let fromBy: WordSet = ["from", "by"]
}
