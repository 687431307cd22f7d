"""General-English word lists used to find who is quoted: reporting verbs, titles, pronouns, roles.

These are lexicons of the language, not of any corpus: every entry is a common English word that
news writing uses to attribute speech.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    """The white-space separated words of ``text``."""
    return frozenset(text.split())


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
    ("press", "presses", "pressed", "pressing"),
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
    ("decry", "decries", "decried", "decrying"),
    ("deride", "derides", "derided", "deriding"),
    ("hail", "hails", "hailed", "hailing"),
    ("refer", "refers", "referred", "referring"),
    ("cite", "cites", "cited", "citing"),
    ("remind", "reminds", "reminded", "reminding"),
    ("opine", "opines", "opined", "opining"),
    ("pronounce", "pronounces", "pronounced", "pronouncing"),
    ("preach", "preaches", "preached", "preaching"),
    ("beg", "begs", "begged", "begging"),
    ("implore", "implores", "implored", "imploring"),
    ("inquire", "inquires", "inquired", "inquiring"),
    ("enquire", "enquires", "enquired", "enquiring"),
    ("rejoin", "rejoins", "rejoined", "rejoining"),
    ("tease", "teases", "teased", "teasing"),
    ("taunt", "taunts", "taunted", "taunting"),
    ("gush", "gushes", "gushed", "gushing"),
    ("sneer", "sneers", "sneered", "sneering"),
    ("grouse", "grouses", "groused", "grousing"),
    ("vow", "vows", "vowed", "vowing"),
    ("swear", "swears", "swore", "swearing"),
    ("guarantee", "guarantees", "guaranteed", "guaranteeing"),
    ("threaten", "threatens", "threatened", "threatening"),
    ("insinuate", "insinuates", "insinuated", "insinuating"),
    ("imply", "implies", "implied", "implying"),
    ("indicate", "indicates", "indicated", "indicating"),
    ("summarize", "summarizes", "summarized", "summarizing"),
    ("clarify", "clarifies", "clarified", "clarifying"),
    ("applaud", "applauds", "applauded", "applauding"),
    ("apologize", "apologizes", "apologized", "apologizing"),
    ("apologise", "apologises", "apologised", "apologising"),
    ("concur", "concurs", "concurred", "concurring"),
    ("predict", "predicts", "predicted", "predicting"),
    ("forecast", "forecasts", "forecast", "forecasting"),
    ("acknowledge", "acknowledges", "acknowledged", "acknowledging"),
    ("brag", "brags", "bragged", "bragging"),
    ("chuckle", "chuckles", "chuckled", "chuckling"),
    ("scold", "scolds", "scolded", "scolding"),
    ("plead", "pleads", "pled", "pleading"),
    ("underscore", "underscores", "underscored", "underscoring"),
    ("advise", "advises", "advised", "advising"),
    ("assail", "assails", "assailed", "assailing"),
)

_IRREGULAR_PARTICIPLES = {
    "write": "written",
    "speak": "spoken",
    "sing": "sung",
    "go": "gone",
    "begin": "begun",
    "swear": "sworn",
}

#: Every inflected form of every reporting verb.
REPORTING_VERBS = frozenset(form for forms in _VERB_FORMS for form in forms) | frozenset(
    _IRREGULAR_PARTICIPLES.values()
)

#: Forms that only count as reporting verbs when directly next to a quotation (too common as
#: ordinary verbs: "went to", "thought about", "called for", "put it").
WEAK_VERBS = frozenset(
    form
    for forms in _VERB_FORMS
    if forms[0]
    in {
        "go",
        "think",
        "believe",
        "call",
        "point",
        "begin",
        "put",
        "read",
        "agree",
        "describe",
        "talk",
        "speak",
        "praise",
        "criticize",
        "criticise",
        "accuse",
        "sing",
        "chant",
        "post",
        "estimate",
        "quote",
        "recommend",
        "continue",
    }
    for form in forms
) | {"gone", "begun", "spoken", "sung"}

#: Cues that introduce a speaker after them ("according to X").
ACCORDING_TO = (
    "according to",
    "According to",
    "in the words of",
    "In the words of",
    "as quoted by",
)

#: Multi-word reporting verbs ("shot back", "weighed in").
REPORTING_PHRASES = (
    tuple(
        f"{verb} {particle}"
        for verb, particles in (
            ("shot", "back"),
            ("fired", "back"),
            ("hit", "back"),
            ("hits", "back"),
            ("fires", "back"),
            ("shoots", "back"),
            ("chimed", "in"),
            ("chimes", "in"),
            ("weighed", "in"),
            ("weighs", "in"),
            ("pointed", "out"),
            ("points", "out"),
            ("went", "on"),
            ("goes", "on"),
            ("spoke", "out"),
            ("speaks", "out"),
            ("summed", "up"),
            ("sums", "up"),
            ("lashed", "out"),
            ("lashes", "out"),
            ("piped", "up"),
            ("pushed", "back"),
            ("pushes", "back"),
        )
        for particle in particles.split()
    )
    + ACCORDING_TO
)

#: Words that may sit between a speaker and a reporting verb ("he later said").
ADVERBS = _words(
    """also later then again once has have had was is will would could may might once simply
    recently previously earlier repeatedly often frequently flatly bluntly quickly tersely firmly
    still further finally quietly angrily told just even alone reportedly openly privately publicly
    famously proudly candidly sarcastically jokingly"""
)

#: Titles and honorifics (lower case, without the final full stop) that may precede a name.
TITLES = _words(
    """mr mrs ms miss mx dr prof professor sen sens senator rep reps representative gov governor
    president vice prime minister chancellor secretary speaker judge justice mayor rev reverend
    gen general lt col colonel maj major capt captain sgt sergeant adm admiral cmdr commander
    gov. lord lady sir dame king queen prince princess pope father sister brother ambassador
    chairman chairwoman chair attorney former premier deputy assemblyman assemblywoman
    councilman councilwoman councillor councilor congressman congresswoman sheriff chief
    officer detective inspector superintendent commissioner director treasurer pastor rabbi imam
    bishop cardinal archbishop st saint hon honorable spokesman spokeswoman spokesperson"""
)

#: Titles that tell the speaker's gender.
MALE_TITLES = _words(
    "mr sir lord king prince father brother spokesman chairman congressman councilman assemblyman"
)
FEMALE_TITLES = _words(
    "mrs ms miss lady dame queen princess sister spokeswoman chairwoman congresswoman "
    "councilwoman assemblywoman"
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
ROLE_NOUNS = _words(
    """spokesman spokeswoman spokesperson spokesmen spokeswomen official officials aide aides
    minister
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
    lawsuit suit indictment ruling decision order bill document documents book speech
    foundation foundations institute center council party union unions association coalition
    crowd crowds audience audiences demonstrators marchers chant chants sign signs banner
    headline headlines narrator host hosts anchor moderator panel panelists board commission
    court spokespeople campaigner campaigners fan fans follower followers backer backers
    commenter commenters user users blogger bloggers citizen citizens parent parents neighbor
    neighbors official's aide's staff team lawmaker's senators governors mayors commentator
    commentators pundit pundits observer observers diplomat diplomats envoy negotiator
    negotiators prosecutor prosecutors investigator investigators police detective detectives
    agent agents soldier soldiers officer's employee employees leader's chairman's vendor
    economist's article column editorial op-ed piece story interview transcript website site
    blog network's outlet outlets"""
)

#: Role nouns that tell the speaker's gender.
MALE_ROLES = _words("spokesman chairman congressman man father son husband brother")
FEMALE_ROLES = _words("spokeswoman chairwoman congresswoman woman mother daughter wife sister")

#: Words that start a capitalised stretch without being a name (sentence-initial function words).
NOT_NAMES = _words(
    """the a an this that these those it its he she they we i you his her their our my your
    but and or so if when while as at in on of for to by with from after before since because
    although though yet then there here what which who whom whose where why how not no yes
    all some many most much more several each every both either neither another other others
    one two three four five six seven eight nine ten first last next also just even still
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december today yesterday tomorrow tonight
    asked said says told according meanwhile however instead indeed still later earlier
    now once already again moreover furthermore specifically similarly likewise additionally
    nevertheless nonetheless perhaps finally second third thus therefore hence besides
    sometimes often ultimately eventually overall"""
)

#: Prepositions and conjunctions that start a phrase that is not a speaker ("said on Tuesday").
PREPOSITIONS = _words(
    """in on at of for to by with from about after before during since until into onto over
    under through between among against without within near across behind toward towards
    upon than that whether if when while because as so and or but not"""
)

#: Nouns for works whose titles are quoted ("the book "…"", "the show "…"").
WORK_NOUNS = _words(
    """book books autobiography memoir novel show shows program programme series episode film
    movie documentary song album podcast play musical column article essay op-ed newsletter
    magazine newspaper report study paper poem painting headline title slogan hashtag
    campaign initiative movement act bill"""
)

#: Small words allowed inside a title-case title ("Gang of Eight").
TITLE_SMALL_WORDS = _words("a an the of and or in on to for at by with from is are")

#: Capitalised line labels that are not transcript speakers ("NOTE: …").
NOT_SPEAKER_LABELS = _words(
    """note update correction clarification source sources photo photos video watch read related
    advertisement editor's editors credit transcript subject re fw fwd ps tags"""
)

#: Determiners that open a noun phrase naming a speaker ("the spokesman", "some protesters").
DETERMINERS = _words(
    "the a an one another his her their its our this that some many several two three most "
    "other few"
)
