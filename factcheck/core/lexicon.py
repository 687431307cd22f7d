"""General-English word lists used to find who is quoted: reporting verbs, titles, pronouns, roles.

These are lexicons of the language, not of any corpus: every entry is a common English word that
news writing uses to attribute speech.
"""

from __future__ import annotations

#: Reporting verbs as (base, third person, past, present participle).  Past participles equal the
#: past form except where listed in ``_IRREGULAR_PARTICIPLES``.
_VERB_FORMS = (
    ("say", "says", "said", "saying"),
    ("tell", "tells", "told", "telling"),
    ("add", "adds", "added", "adding"),
    ("warn", "warns", "warned", "warning"),
    ("insist", "insists", "insisted", "insisting"),
    ("write", "writes", "wrote", "writing"),
    ("tweet", "tweets", "tweeted", "tweeting"),
    ("argue", "argues", "argued", "arguing"),
    ("explain", "explains", "explained", "explaining"),
    ("note", "notes", "noted", "noting"),
    ("declare", "declares", "declared", "declaring"),
    ("claim", "claims", "claimed", "claiming"),
    ("stress", "stresses", "stressed", "stressing"),
    ("ask", "asks", "asked", "asking"),
    ("reply", "replies", "replied", "replying"),
    ("respond", "responds", "responded", "responding"),
    ("continue", "continues", "continued", "continuing"),
    ("recall", "recalls", "recalled", "recalling"),
    ("admit", "admits", "admitted", "admitting"),
    ("acknowledge", "acknowledges", "acknowledged", "acknowledging"),
    ("announce", "announces", "announced", "announcing"),
    ("state", "states", "stated", "stating"),
    ("report", "reports", "reported", "reporting"),
    ("suggest", "suggests", "suggested", "suggesting"),
    ("predict", "predicts", "predicted", "predicting"),
    ("promise", "promises", "promised", "promising"),
    ("vow", "vows", "vowed", "vowing"),
    ("pledge", "pledges", "pledged", "pledging"),
    ("boast", "boasts", "boasted", "boasting"),
    ("complain", "complains", "complained", "complaining"),
    ("charge", "charges", "charged", "charging"),
    ("contend", "contends", "contended", "contending"),
    ("maintain", "maintains", "maintained", "maintaining"),
    ("assert", "asserts", "asserted", "asserting"),
    ("observe", "observes", "observed", "observing"),
    ("remark", "remarks", "remarked", "remarking"),
    ("comment", "comments", "commented", "commenting"),
    ("concede", "concedes", "conceded", "conceding"),
    ("conclude", "concludes", "concluded", "concluding"),
    ("confirm", "confirms", "confirmed", "confirming"),
    ("deny", "denies", "denied", "denying"),
    ("joke", "jokes", "joked", "joking"),
    ("quip", "quips", "quipped", "quipping"),
    ("shout", "shouts", "shouted", "shouting"),
    ("yell", "yells", "yelled", "yelling"),
    ("scream", "screams", "screamed", "screaming"),
    ("cry", "cries", "cried", "crying"),
    ("exclaim", "exclaims", "exclaimed", "exclaiming"),
    ("whisper", "whispers", "whispered", "whispering"),
    ("mutter", "mutters", "muttered", "muttering"),
    ("murmur", "murmurs", "murmured", "murmuring"),
    ("answer", "answers", "answered", "answering"),
    ("counter", "counters", "countered", "countering"),
    ("retort", "retorts", "retorted", "retorting"),
    ("emphasize", "emphasizes", "emphasized", "emphasizing"),
    ("emphasise", "emphasises", "emphasised", "emphasising"),
    ("point", "points", "pointed", "pointing"),
    ("mention", "mentions", "mentioned", "mentioning"),
    ("describe", "describes", "described", "describing"),
    ("call", "calls", "called", "calling"),
    ("urge", "urges", "urged", "urging"),
    ("plead", "pleads", "pleaded", "pleading"),
    ("demand", "demands", "demanded", "demanding"),
    ("proclaim", "proclaims", "proclaimed", "proclaiming"),
    ("reiterate", "reiterates", "reiterated", "reiterating"),
    ("repeat", "repeats", "repeated", "repeating"),
    ("testify", "testifies", "testified", "testifying"),
    ("tell", "tells", "told", "telling"),
    ("post", "posts", "posted", "posting"),
    ("blog", "blogs", "blogged", "blogging"),
    ("wonder", "wonders", "wondered", "wondering"),
    ("speculate", "speculates", "speculated", "speculating"),
    ("caution", "cautions", "cautioned", "cautioning"),
    ("predict", "predicts", "predicted", "predicting"),
    ("recount", "recounts", "recounted", "recounting"),
    ("reveal", "reveals", "revealed", "revealing"),
    ("disclose", "discloses", "disclosed", "disclosing"),
    ("begin", "begins", "began", "beginning"),
    ("go", "goes", "went", "going"),
    ("think", "thinks", "thought", "thinking"),
    ("believe", "believes", "believed", "believing"),
    ("agree", "agrees", "agreed", "agreeing"),
    ("allege", "alleges", "alleged", "alleging"),
    ("accuse", "accuses", "accused", "accusing"),
    ("criticize", "criticizes", "criticized", "criticizing"),
    ("criticise", "criticises", "criticised", "criticising"),
    ("praise", "praises", "praised", "praising"),
    ("lament", "laments", "lamented", "lamenting"),
    ("sigh", "sighs", "sighed", "sighing"),
    ("snap", "snaps", "snapped", "snapping"),
    ("thunder", "thunders", "thundered", "thundering"),
    ("hint", "hints", "hinted", "hinting"),
    ("estimate", "estimates", "estimated", "estimating"),
    ("insist", "insists", "insisted", "insisting"),
    ("recommend", "recommends", "recommended", "recommending"),
    ("quote", "quotes", "quoted", "quoting"),
    ("read", "reads", "read", "reading"),
    ("chant", "chants", "chanted", "chanting"),
    ("sing", "sings", "sang", "singing"),
    ("speak", "speaks", "spoke", "speaking"),
    ("talk", "talks", "talked", "talking"),
    ("put", "puts", "put", "putting"),
    ("assure", "assures", "assured", "assuring"),
    ("muse", "muses", "mused", "musing"),
    ("elaborate", "elaborates", "elaborated", "elaborating"),
    ("interject", "interjects", "interjected", "interjecting"),
    ("mock", "mocks", "mocked", "mocking"),
    ("tout", "touts", "touted", "touting"),
    ("blast", "blasts", "blasted", "blasting"),
    ("slam", "slams", "slammed", "slamming"),
    ("scoff", "scoffs", "scoffed", "scoffing"),
    ("fume", "fumes", "fumed", "fuming"),
    ("chide", "chides", "chided", "chiding"),
    ("grumble", "grumbles", "grumbled", "grumbling"),
    ("volunteer", "volunteers", "volunteered", "volunteering"),
    ("characterize", "characterizes", "characterized", "characterizing"),
    ("characterise", "characterises", "characterised", "characterising"),
    ("label", "labels", "labeled", "labeling"),
    ("brand", "brands", "branded", "branding"),
    ("dub", "dubs", "dubbed", "dubbing"),
    ("decry", "decries", "decried", "decrying"),
    ("deride", "derides", "derided", "deriding"),
    ("hail", "hails", "hailed", "hailing"),
    ("refer", "refers", "referred", "referring"),
    ("cite", "cites", "cited", "citing"),
    ("inform", "informs", "informed", "informing"),
    ("remind", "reminds", "reminded", "reminding"),
    ("reason", "reasons", "reasoned", "reasoning"),
    ("opine", "opines", "opined", "opining"),
    ("pronounce", "pronounces", "pronounced", "pronouncing"),
    ("preach", "preaches", "preached", "preaching"),
    ("beg", "begs", "begged", "begging"),
    ("implore", "implores", "implored", "imploring"),
    ("question", "questions", "questioned", "questioning"),
    ("inquire", "inquires", "inquired", "inquiring"),
    ("enquire", "enquires", "enquired", "enquiring"),
    ("rejoin", "rejoins", "rejoined", "rejoining"),
    ("email", "emails", "emailed", "emailing"),
    ("text", "texts", "texted", "texting"),
    ("tease", "teases", "teased", "teasing"),
    ("taunt", "taunts", "taunted", "taunting"),
    ("boom", "booms", "boomed", "booming"),
    ("gush", "gushes", "gushed", "gushing"),
    ("rave", "raves", "raved", "raving"),
    ("rant", "rants", "ranted", "ranting"),
    ("sneer", "sneers", "sneered", "sneering"),
    ("grouse", "grouses", "groused", "grousing"),
    ("fret", "frets", "fretted", "fretting"),
    ("worry", "worries", "worried", "worrying"),
    ("vow", "vows", "vowed", "vowing"),
    ("swear", "swears", "swore", "swearing"),
    ("guarantee", "guarantees", "guaranteed", "guaranteeing"),
    ("threaten", "threatens", "threatened", "threatening"),
    ("insinuate", "insinuates", "insinuated", "insinuating"),
    ("imply", "implies", "implied", "implying"),
    ("indicate", "indicates", "indicated", "indicating"),
    ("signal", "signals", "signaled", "signaling"),
    ("summarize", "summarizes", "summarized", "summarizing"),
    ("clarify", "clarifies", "clarified", "clarifying"),
    ("correct", "corrects", "corrected", "correcting"),
    ("object", "objects", "objected", "objecting"),
    ("protest", "protests", "protested", "protesting"),
    ("dismiss", "dismisses", "dismissed", "dismissing"),
    ("reject", "rejects", "rejected", "rejecting"),
    ("applaud", "applauds", "applauded", "applauding"),
    ("thank", "thanks", "thanked", "thanking"),
    ("apologize", "apologizes", "apologized", "apologizing"),
    ("apologise", "apologises", "apologised", "apologising"),
    ("concur", "concurs", "concurred", "concurring"),
    ("predict", "predicts", "predicted", "predicting"),
    ("forecast", "forecasts", "forecast", "forecasting"),
    ("acknowledge", "acknowledges", "acknowledged", "acknowledging"),
    ("brag", "brags", "bragged", "bragging"),
    ("crow", "crows", "crowed", "crowing"),
    ("shrug", "shrugs", "shrugged", "shrugging"),
    ("nod", "nods", "nodded", "nodding"),
    ("smile", "smiles", "smiled", "smiling"),
    ("laugh", "laughs", "laughed", "laughing"),
    ("chuckle", "chuckles", "chuckled", "chuckling"),
    ("scold", "scolds", "scolded", "scolding"),
    ("bark", "barks", "barked", "barking"),
    ("growl", "growls", "growled", "growling"),
    ("hiss", "hisses", "hissed", "hissing"),
    ("plead", "pleads", "pled", "pleading"),
    ("underscore", "underscores", "underscored", "underscoring"),
    ("highlight", "highlights", "highlighted", "highlighting"),
    ("advise", "advises", "advised", "advising"),
    ("instruct", "instructs", "instructed", "instructing"),
    ("order", "orders", "ordered", "ordering"),
    ("invite", "invites", "invited", "inviting"),
    ("offer", "offers", "offered", "offering"),
    ("share", "shares", "shared", "sharing"),
    ("sum", "sums", "summed", "summing"),
    ("phrase", "phrases", "phrased", "phrasing"),
    ("word", "words", "worded", "wording"),
    ("frame", "frames", "framed", "framing"),
    ("address", "addresses", "addressed", "addressing"),
    ("assail", "assails", "assailed", "assailing"),
    ("attack", "attacks", "attacked", "attacking"),
    ("defend", "defends", "defended", "defending"),
    ("push", "pushes", "pushed", "pushing"),
)

_IRREGULAR_PARTICIPLES = {
    "write": "written", "speak": "spoken", "sing": "sung", "go": "gone", "begin": "begun", "swear": "sworn",
}

#: Every inflected form of every reporting verb.
REPORTING_VERBS = frozenset(
    form for forms in _VERB_FORMS for form in forms
) | frozenset(_IRREGULAR_PARTICIPLES.values())

#: Forms that only count as reporting verbs when directly next to a quotation (too common as
#: ordinary verbs: "went to", "thought about", "called for", "put it").
WEAK_VERBS = frozenset(
    form
    for forms in _VERB_FORMS
    if forms[0] in {"go", "think", "believe", "call", "point", "begin", "put", "read", "agree",
                    "describe", "talk", "speak", "praise", "criticize", "criticise", "accuse",
                    "sing", "chant", "post", "estimate", "quote", "recommend", "continue"}
    for form in forms
) | {"gone", "begun", "spoken", "sung"}

#: Two-word cues that introduce a speaker after them ("according to X").
ACCORDING_TO = ("according to", "in the words of", "as quoted by")

#: Words that may sit between a speaker and a reporting verb ("he later said").
ADVERBS = frozenset(
    """also later then again once has have had was is will would could may might once simply
    recently previously earlier repeatedly often frequently flatly bluntly quickly tersely firmly
    still further finally quietly angrily told just even alone reportedly openly privately publicly
    famously proudly candidly sarcastically jokingly""".split()
)

#: Titles and honorifics (lower case, without the final full stop) that may precede a name.
TITLES = frozenset(
    """mr mrs ms miss mx dr prof professor sen sens senator rep reps representative gov governor
    president vice prime minister chancellor secretary speaker judge justice mayor rev reverend
    gen general lt col colonel maj major capt captain sgt sergeant adm admiral cmdr commander
    gov. lord lady sir dame king queen prince princess pope father sister brother ambassador
    chairman chairwoman chair attorney former premier deputy assemblyman assemblywoman
    councilman councilwoman councillor councilor congressman congresswoman sheriff chief
    officer detective inspector superintendent commissioner director treasurer pastor rabbi imam
    bishop cardinal archbishop st saint hon honorable spokesman spokeswoman spokesperson""".split()
)

#: Titles that tell the speaker's gender.
MALE_TITLES = frozenset("mr sir lord king prince father brother spokesman chairman congressman councilman assemblyman".split())
FEMALE_TITLES = frozenset(
    "mrs ms miss lady dame queen princess sister spokeswoman chairwoman congresswoman councilwoman assemblywoman".split()
)

#: Personal pronouns that can be the subject of a reporting verb, with the gender they carry.
SUBJECT_PRONOUNS = {
    "he": "m",
    "she": "f",
    "they": "p",
    "i": "s",
    "we": "p",
    "it": "n",
    "you": "s",
    "who": "r",
}

#: Nouns for a speaker named by role ("the spokesman", "a senior official").
ROLE_NOUNS = frozenset(
    """spokesman spokeswoman spokesperson spokesmen spokeswomen official officials aide aides minister
    adviser advisers advisor advisors strategist strategists source sources president senator
    governor candidate nominee congressman congresswoman lawmaker lawmakers leader leaders
    chairman chairwoman chair director secretary ambassador mayor judge lawyer lawyers attorney
    attorneys analyst analysts expert experts economist economists researcher researchers
    professor scientist historian pollster pollsters campaign campaigns statement report
    memo letter email release press statement group organization committee agency department
    ministry office administration government company firm network newspaper paper website
    magazine spokesperson representative representatives executive executives officer officers
    manager managers staffer staffers operative operatives activist activists supporter
    supporters critic critics voter voters resident residents witness witnesses friend friends
    man woman men women person people reporter reporters columnist columnists editor editors
    author authors writer writers chief commander general officer consultant consultants
    organizer organizers founder co-founder partner partners colleague colleagues ally allies
    member members delegate delegates donor donors insider insiders veteran veterans
    spokesperson surrogate surrogates protester protesters student students doctor doctors
    teacher teachers worker workers owner owners father mother son daughter wife husband brother
    sister study survey poll ad advertisement video tweet post announcement filing complaint
    lawsuit suit indictment ruling decision order bill document documents book speech""".split()
)

#: Role nouns that tell the speaker's gender.
MALE_ROLES = frozenset("spokesman chairman congressman man father son husband brother".split())
FEMALE_ROLES = frozenset("spokeswoman chairwoman congresswoman woman mother daughter wife sister".split())

#: Words that start a capitalised stretch without being a name (sentence-initial function words).
NOT_NAMES = frozenset(
    """the a an this that these those it its he she they we i you his her their our my your
    but and or so if when while as at in on of for to by with from after before since because
    although though yet then there here what which who whom whose where why how not no yes
    all some many most much more several each every both either neither another other others
    one two three four five six seven eight nine ten first last next also just even still
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december today yesterday tomorrow tonight
    asked said says told according meanwhile however instead indeed still later earlier
    now once already again""".split()
)

#: Prepositions and conjunctions that start a phrase that is not a speaker ("said on Tuesday").
PREPOSITIONS = frozenset(
    """in on at of for to by with from about after before during since until into onto over
    under through between among against without within near across behind toward towards
    upon than that whether if when while because as so and or but not""".split()
)
