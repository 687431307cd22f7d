"""General-English word lists used to find who is quoted: titles, pronouns, roles, function words.

These are lexicons of the language, not of any corpus: every entry is a common English word that
news writing uses to attribute speech.  Reporting verbs live in ``verbs`` and are re-exported.
"""

from __future__ import annotations

from factcheck.core.verbs import (  # noqa: F401  (re-exported: the reporting-verb lexicon)
    ACCORDING_TO,
    REPORTING_PHRASES,
    REPORTING_VERBS,
    WEAK_VERBS,
)


def _words(text: str) -> frozenset[str]:
    """The white-space separated words of ``text``."""
    return frozenset(text.split())


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
    bishop cardinal archbishop st saint hon honorable spokesman spokeswoman spokesperson
    mp mep msp mla"""
)
#: The titles, and "the": the words left out of a name (``the Iowa governor``, ``Mr. King``).
TITLES_OR_THE = TITLES | {"the"}

#: Honorifics that are always followed by a surname, even one that is also a title ("Mr. King").
HONORIFICS = _words("mr mrs ms miss mx dr")

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

#: Verbs and phrases that give something a name ("a memo titled", "what he calls", "known as"):
#: a title-case stretch right after one is the name someone chose, which news attributes to them.
NAMING_CUES = _words(
    """call calls called calling dub dubs dubbed dubbing title titled entitle entitled
    label labels labeled labelled labeling branded nicknamed"""
)

#: Words that turn a preceding word into a naming cue ("known as", "billed as", "refers to … as").
NAMING_AS = _words("known billed described describes refers referred referring themselves itself")

#: Words for a crowd or a voice crying out ("chants of", "a man yelled"): what they quote was
#: spoken aloud, however much it looks like a title ("USA! USA!", "Feel the Bern").
CRY_WORDS = _words(
    """chant chants chanted chanting cries cried crying shout shouts shouted shouting yell yells
    yelled yelling scream screams screamed screaming roar roars roared calls cheers jeers"""
)

#: Verbs whose object is who was addressed: a title right after one is a show or an outlet
#: ('Lee told "Morning News"'), not words spoken.
ADDRESSEE_VERBS = _words("told tells telling")

#: Small words allowed inside a title-case title ("Gang of Eight").
TITLE_SMALL_WORDS = _words("a an the of and or in on to for at by with from is are")

#: HTML tags that only format or lay out text: quotes inside them are still the article's quotes
#: (an embedded post, link or figure is not).
FORMATTING_TAGS = _words(
    """p div span b i u s em strong small big mark sub sup br hr font center section article main
    li ul ol dl dt dd table tbody thead tr td th h1 h2 h3 h4 h5 h6 header footer body html"""
)

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

#: Head words of institutions and places: a capitalised name holding one is not a person
#: ("White House", "Supreme Court", "Des Moines Register").
INSTITUTION_WORDS = _words(
    """house senate congress court department ministry agency administration office committee
    commission council party union association foundation institute institution center centre
    university college school academy hospital church bank fund company corporation corp inc
    group network news times post journal register tribune herald review magazine press radio
    television tv channel station city county state states republic kingdom nation province
    district street avenue square hall club league team board bureau service services army navy
    force forces police guard campaign movement coalition caucus convention summit conference
    market exchange street island islands river mountain valley coast east west north south
    america americans democrats republicans democratic republican"""
)
