"""The wording of web-page furniture, by kind: what a line's own words show about it.

Every entry names a *kind* of furniture that web pages in general carry (share buttons, menus,
section headers of teaser lists, comment forms, cookie and newsletter notices, legal footers, photo
credits, embedded posts), never a particular site or article. Shapes of dates, times, bylines and
weather lines are in :mod:`pipeline.boilerplate.stamps`.
"""

from __future__ import annotations

import re

from pipeline.boilerplate.stamps import DATE

# Names of social networks and sharing targets, as share and follow buttons label them.
_SOCIAL = (
    r"facebook|twitter|x|instagram|linkedin|pinterest|whatsapp|reddit|tumblr|youtube|flipboard|telegram"
    r"|snapchat|tiktok|vk|google\+?|google\s+plus|rss(?:\s+feed)?|e-?mail|mail|print|sms|messenger|copy(?:\s+link)?"
    r"|link|comments?|share|tweet|pin(?:\s+it)?|save|like|digg|pocket|feedly|mix|xing|wechat"
)

# A line that is nothing but an interface control or label. Kinds, in order: share and follow
# buttons; advertising labels; skip, scroll and "read more" links; menus, search and account
# controls; subscription labels; print and e-mail buttons; comment counters and comment-form
# buttons; media labels (photo, video, gallery, caption); shop and donation buttons; pagination;
# legal and footer links; site credits ("powered by").
WIDGET = re.compile(
    rf"""^(?:
        (?:share|follow|like|find|join|connect\ with|subscribe\ to|email)(?:\ (?:this|us|the|our))?(?:\ (?:article|story|page|post|entry|video|on|via|with|by))?(?:\ (?:{_SOCIAL}))?
      | (?:{_SOCIAL})(?:\s*[|/·•,:]?\s*(?:{_SOCIAL}))*
      | share\ (?:on|via|by|to|with)\ \S+(?:\ \S+)?
      | (?:follow|like|visit|find)\ (?:us|\S+)\ on\ (?:{_SOCIAL})
      | advertisement | advert | advertising | advertise(?:\ with\ us)? | sponsored(?:\ content|\ links?|\ stories)? | promoted(?:\ content|\ stories)?
      | paid\ (?:content|post|partnership) | ad(?:\ choices)? | adchoices | skip\ ad | click\ to\ skip\ ad | close\ ad | report\ (?:this\ )?ad
      | (?:story|article)\ continues\ below(?:\ (?:this\ )?advertisement)? | continue\ reading(?:\ below|\ the\ main\ story)?
      | scroll\ (?:down\ )?to\ continue(?:\ reading)? | skip\ to\ (?:main\ )?(?:content|article|navigation|search)
      | jump\ to\ (?:content|navigation) | (?:back|scroll|return)\ to\ top | top\ of\ page | load(?:ing)?\ more | see\ more | show\ (?:more|less|all)
      | view\ (?:all|more|comments|gallery|full\ (?:gallery|size|image)|slideshow) | back\ to\ (?:gallery|article|story)
      | read\ (?:more|full\ (?:article|story)|the\ full\ (?:article|story)|on|on-?line) | to\ read\ the\ full\ (?:story|article)
      | read\ the\ (?:original|full)\ (?:article|story|report) | original\ (?:article|source) | source\ link
      | more | menu | main\ menu | close | open | search | search\ for | search\ icon | go | submit | cancel | ok | expand | collapse
      | expand\ /\ collapse\ search | toggle\ (?:navigation|menu|search) | navigation | sections? | home(?:page)? | log\ ?in | log\ ?out
      | sign\ (?:in|up|out)(?:\ now|\ here|\ for\ free)? | register | my\ account | account | profile | edit\ profile
      | subscribe(?:\ now|\ today|\ here)? | subscriptions? | newsletters? | e-?paper | alerts? | notifications?
      | open\ in\ app | (?:download|get)\ the\ app
      | print(?:\ this)?(?:\ article|\ page|\ story)? | print\ friendly(?:\ version)? | email(?:\ this)?(?:\ article|\ page|\ story)?
      | \d+\ (?:comments?|replies|shares?|views?|likes?) | comments? | view\ comments | show\ comments | hide\ comments
      | reply | replies | leave\ a\ (?:reply|comment) | post\ a\ comment | add\ (?:a\ )?comment | cancel\ reply
      | photos? | videos? | gallery | photo\ gallery | image | audio | listen | watch | watch\ now | play | play\ video | live | live\ tv | watch\ live
      | listen\ to\ (?:this\ )?(?:article|story)
      | caption | enlarge(?:\ (?:this\ )?image)? | hide\ caption | toggle\ caption | (?:image|photo|slide)\ \d+\s*(?:of|/)\s*\d*\s*/?\s*\d*
      | (?:image|photo|video)\ (?:source|caption|credit)s?
      | buy\ now | shop\ now | order\ now | donate | contribute | download | install
      | previous | next | prev | older | newer | (?:next|previous|prev)\ (?:article|post|story|page|slide)
      | page\ \d+(?:\ of\ \d+)? | \d+\s*(?:of|/)\s*\d+ | loading(?:\.\.\.|…)? | please\ wait
    )\s*[:.!»>\-–—|\\/*]*$""",
    re.IGNORECASE | re.VERBOSE,
)

# Links of a page footer: legal pages, the site's own pages, site credits ("powered by"), alone or
# several on one line ("Privacy Policy | Terms of Use | Contact us").
_FOOTER_LINK = (
    r"terms(?:\ of\ (?:use|service))? | terms\ (?:and|&)\ conditions | privacy(?:\ policy|\ notice)? | cookie(?:s|\ policy|\ settings|\ preferences)?"
    r" | contact(?:\ us)? | about(?:\ us)? | disclaimer | sitemap | site\ map | careers | jobs | faq | help | feedback | imprint | impressum"
    r" | accessibility | advertise(?:\ with\ us)? | all\ rights\ reserved"
)
FOOTER_LINKS = re.compile(
    rf"""^(?:(?:{_FOOTER_LINK})(?:\s*[|•·/,]\s*(?:{_FOOTER_LINK}|[\w\ &]{{1,30}}))*
      | powered\ by\ .{{1,40}} | designed\ by\ .{{1,40}} | developed\ by(?:\ .{{1,40}})? | theme\ by\ .{{1,40}}
    )\s*[:.!»>\-–—|\\/*]*$""",
    re.IGNORECASE | re.VERBOSE,
)

# A header that opens a furniture section; the group says which kind follows it: teaser lists of
# other articles (``related``), the comment section (``comments``), page-footer columns and tag
# lists (``footer``).
SECTION = re.compile(
    r"""^(?:
        (?P<related>related(?:\ (?:articles?|stories|posts?|news|content|coverage|topics|links|videos?|reading))?(?:\ from\ .{1,40})?
          | recommended(?:\ (?:for\ you|stories|articles|reading|videos?))? | you\ (?:may|might|will)\ (?:also\ )?(?:like|love|enjoy|be\ interested\ in)
          | (?:more|other|latest|top|popular|trending|recent|similar|featured)\ (?:stories|articles|posts|news|headlines|videos|reads|in\ .{1,30}|from\ .{1,40}|on\ .{1,40}|about\ .{1,40})
          | more\ (?:from|in|on|about)\ .{1,40} | more\ (?:stories|news|articles) | (?:also|must)\ read | see\ also | don'?t\ miss(?:\ out)?
          | read\ (?:more|next|also)(?:\ (?:about|on|from)\ .{1,40})? | up\ next | what\ to\ read\ next | further\ reading
          | trending(?:\ now|\ news|\ stories|\ topics)? | popular(?:\ now|\ posts|\ stories|\ articles|\ today)? | most\ (?:read|popular|viewed|shared|commented|emailed|watched)(?:\ (?:today|stories|articles|this\ week|in\ .{1,30}))?
          | top\ (?:stories|news|headlines|picks|videos) | latest(?:\ (?:news|stories|headlines|posts|articles|videos|updates))? | breaking\ news
          | editor'?s?\ (?:picks?|choice) | (?:from|around)\ (?:the\ web|our\ partners|our\ network) | in\ case\ you\ missed\ it | recent\ posts
          | what'?s\ hot | hot\ topics | in\ other\ news | also\ on\ .{1,30} | sponsored\ (?:stories|links|content) | promoted\ stories
          | (?:random|related|popular|recent|featured)\ posts? | also\ in\ .{1,30} | more\ videos | watch\ more | related\ videos | (?:latest|more)\ videos)
      | (?P<comments>comments?(?:\ \(\d+\))? | \d+\ (?:comments?|responses?|replies|thoughts\ on\ .{1,80}) | leave\ a\ (?:reply|comment|response)(?:\ cancel\ reply)?
          | post\ a\ comment | add\ (?:a|your)\ comment | join\ the\ (?:conversation|discussion|debate) | reader\ comments | discussion
          | (?:what\ do\ you\ think|have\ your\ say)\??| conversation | show\ comments | view\ comments | comment\ on\ this\ (?:story|article))
      | (?P<footer>tags?|topics?|categories|category|keywords|filed\ under|posted\ in|share\ this(?:\ (?:article|story|post|entry|page))?
          | about\ the\ author | about\ (?:us|the\ writer) | follow\ us(?:\ on)? | connect\ with\ us | stay\ connected | get\ in\ touch
          | newsletters? | sign\ up\ for\ (?:our|the)\ .{1,40} | subscribe\ to\ (?:our|the)\ .{1,40} | (?:useful|helpful|quick)\ links | site\ (?:map|index) | company | legal | resources
          | support\ (?:us|independent\ journalism|our\ journalism))
    )\s*[:.!»>\-–—|]*$""",
    re.IGNORECASE | re.VERBOSE,
)

# A tag or category list on one line ("Tags: harbour, ferries"; "Filed under: Travel").
TAG_LINE = re.compile(
    r"^(?:(?:tags|topics|categories|category|keywords)\s*[:|]\s*.{1,80}|(?:filed\ under|posted\ in)\s*:?\s+[\w&\ ]{1,40})$",
    re.IGNORECASE | re.VERBOSE,
)

# A teaser: a short label, then a linked headline ("Read more: ...", "RELATED: ...", "VIDEO: ...").
TEASER_PREFIX = re.compile(
    r"^(?:read\s+(?:more|also|next)|also\s+read|see\s+also|related(?:\s+(?:article|story|news|coverage))?|recommended"
    r"|more|watch|listen|video|photos?|gallery|in\s+pictures|live(?:\s+updates|\s+blog)?|further\s+reading"
    r"|more\s+on\s+this(?:\s+story|\s+topic)?|don'?t\s+miss|must\s+read|trending|top\s+story|editor'?s\s+pick"
    r"|sponsored|promoted)\s*[:|»>\-–—]\s*\S",
    re.IGNORECASE,
)

# Notices and calls to action that may be whole sentences. A cheap trigger first, then the notice
# itself. Kinds: cookie and consent banners; browser, JavaScript and ad-blocker notices; comment
# forms; newsletter and account sign-up; privacy and terms links; app downloads; "click here" and
# new-window notes; affiliate-commission disclosures; follow-us calls; reproduction and reprint
# notices; thanks for reading or signing up; requests for readers' feedback; syndication and
# opinion disclaimers.
NOTICE_TRIGGERS = (
    "cookie", "consent", "gdpr", "javascript", "browser", "blocker", "email", "e-mail", "required field",
    "sign up", "subscri", "register", "inbox", "spam", "privacy", "terms", "agreement", "download", "click",
    "new window", "new tab", "commission", "affiliate", "follow", "join", "like us", "may not be", "reproduc",
    "thanks for", "thank you for", "tell us", "let us know", "hear from", "share your", "comment data",
    "edited by", "syndicated", "disclaimer", "views expressed",
)  # fmt: skip


def notice_triggered(lowered: str) -> bool:
    """A cheap test before :data:`NOTICE`: does the (lower-cased) line hold a notice's trigger word?"""
    return any(word in lowered for word in NOTICE_TRIGGERS)


NOTICE = re.compile(
    r"(?:\bcookies?\b.{0,60}\b(?:experience|consent|accept|agree|browsing|site|website|policy|use)|\bconsent\b.{0,40}\b(?:cookies?|data|partners)"
    r"|\bGDPR\b|enable\s+javascript|javascript\s+(?:is\s+)?(?:disabled|required)|(?:update|upgrade)\s+your\s+browser|ad\s*-?\s*blocker"
    r"|your\s+email\s+address\s+will\s+not\s+be\s+published|required\s+fields\s+are\s+marked|save\s+my\s+name,\s+email"
    r"|(?:sign\s+up|subscribe|register)\b.{0,50}\b(?:newsletter|updates|inbox|alerts|free|today|now|account|digital)"
    r"|(?:delivered|straight)\s+to\s+your\s+inbox|unsubscribe\s+at\s+any\s+time|\bno\s+spam\b|privacy\s+(?:policy|notice|statement)"
    r"|terms\s+(?:of\s+(?:use|service)|and\s+conditions)|user\s+agreement|download\s+(?:the|our)\b.{0,30}\bapp"
    r"|click\s+(?:here|to\s+(?:share|read|view|subscribe|open|download))|opens?\s+in\s+(?:a\s+)?new\s+(?:window|tab)"
    r"|(?:may|might|will)\s+(?:earn|receive|get)\s+(?:a|an)?\s*(?:small\s+)?(?:share|commission|affiliate)|affiliate\s+(?:links?|commission)"
    r"|(?:follow|join|like)\s+(?:us|our)\b.{0,40}\b(?:facebook|twitter|instagram|linkedin|youtube|telegram|whatsapp|channel|group|community|forums?|newsletter|google\s+news)"
    r"|this\s+(?:material|content|article)\s+may\s+not\s+be\s+(?:published|reproduced|redistributed)|not\s+be\s+reproduced"
    r"|thanks?\s+(?:you\s+)?for\s+(?:reading|contacting\s+us|signing\s+up|subscribing)"
    r"|(?:tell|let)\s+us\s+(?:know\s+)?what\s+you\s+think|we\s+want\s+to\s+hear\s+(?:from\s+you|your)"
    r"|share\s+your\s+(?:thoughts|story|feedback)|learn\s+how\s+your\s+comment\s+data"
    r"|not\s+been\s+edited\s+by\b.{0,60}\bstaff|auto-generated\s+from\s+a\s+syndicated\s+feed"
    r"|^disclaimer\s*:|views\s+expressed\b.{0,60}\b(?:author|writer)'?s?\s+own)",
    re.IGNORECASE,
)
COOKIE = re.compile(r"\bcookies?\b|\bconsent\b|\bGDPR\b", re.IGNORECASE)
COPYRIGHT = re.compile(r"(?:©|\(c\)\s*\d{4}|&copy|\bcopyright\b|\ball\s+rights\s+reserved\b)", re.IGNORECASE)
URL_ONLY = re.compile(r"^(?:https?://|www\.)\S+(?:\s+\S+){0,3}$", re.IGNORECASE)

# Words that interface text is made of: a short unpunctuated line of nothing else is a control or
# a toolbar label. Strong words name interface things; weak words are interface verbs and labels
# that also occur in prose.
STRONG_INTERFACE_WORDS = frozenset(
    """loading loaded actions article articles click tap cookie cookies newsletter newsletters subscribe
    subscription subscribers login logout signup sign-in toggle menu navigation scroll popup widget
    bookmark bookmarks notifications settings preferences paywall javascript browser enable download
    comments comment share shares sharing advertisement sponsored autoplay playlist fullscreen clipboard
    caption captions accessibility enlarge collapse expand gift reuse font""".split()
)
WEAK_INTERFACE_WORDS = frozenset(
    """change location page site website app account log sign register email print save copy link links
    follow like video play watch gallery image images photo photos view show hide more less next previous
    back top home search close open continue read listen audio section sections topics tags latest
    trending popular related stories story manage update edit options select choose accept reject
    free trial premium unlock access member members here now skip size text help error report all
    add min mins minutes content""".split()
)

# Embedded posts: a tweet's attribution line ("— Name (@handle) <date>"), a picture link, a lone
# handle, an Instagram embed's header or footer.
TWEET = re.compile(
    rf"^[—–-]\s*.{{1,80}}\(@\w{{1,20}}\)\s*{DATE}\s*$|pic\.twitter\.com/\w+|^@\w{{1,20}}$|^[—–-]\s*@\w{{1,20}}"
    rf"|\(@\w{{1,20}}\)\s*{DATE}$|^A\s+post\s+shared\s+by\s+.{{1,60}}\(@[\w.]{{1,30}}\)|^View\s+this\s+post\s+on\s+Instagram"
)

# Photo agencies and picture libraries, as credits name them.
PHOTO_AGENCY_WORDS = frozenset(
    """getty images reuters afp ap epa efe epa-efe anadolu agency press photo photos pool shutterstock
    sipa bloomberg tass sputnik xinhua zuma alamy nurphoto associated imago dpa ansa ria novosti
    kyodo yonhap picture-alliance bildbyran abaca wire""".split()
)
# A line that is a caption's credit or a photo label ("Photo: Name/Agency", "(AP Photo/Name)",
# "3 of 12" gallery counters).
CREDIT_TRIGGER = re.compile(
    r"credit|courtesy|source|photo|image|picture|illustration|video|getty|/| of |graphic|map|chart|by", re.IGNORECASE
)
CREDIT = re.compile(
    r"^\(?(?:image|photo|picture|photograph|video|graphic|illustration|map|chart|art)?\s*(?:credit|courtesy|source|by)s?\s*:\s*\S.{0,100}$"
    r"|^\(?(?:photo|image|picture|photograph|illustration)s?\s*:\s*\S.{0,100}$"
    r"|(?:\(|\b)(?:AP|AFP|Reuters|EPA|Getty|Getty\s+Images|Shutterstock|Alamy|iStock|NASA|File)\s*(?:Photo|Images?)?\s*/\s*[\w .,'’\-]{1,60}\)?\.?$"
    r"|\b(?:via|for)\s+Getty\s+Images\)?\.?$|\bGetty\s+Images\)?\.?$|\(Photo(?:\s+by)?:?\s+[^)]{1,80}\)\s*$"
    r"|^\d{1,3}\s+of\s+\d{1,3}\b",
    re.IGNORECASE,
)
# A labelled photo credit on a line of its own ("Photo: Name/Agency", "Picture by Name").
CREDIT_LINE = re.compile(
    r"^\(?(?:Photo|Image|Picture|Photograph|Credit|Pictured|Foto)s?\s*(?:by|:|credit:?)\s*\S.{0,80}$", re.IGNORECASE
)
# The story's own credits, which belong to the article: reporter and editor credits, "contributed"
# lines, a bare wire-agency tag.
STORY_CREDIT = re.compile(
    r"^\(?(?:(?:additional\s+)?(?:reporting|writing|editing|compiled|edited|research)\s+by\b.{2,200}|with\s+reporting\s+from\b.{2,80}"
    r"|.{2,80}\bcontributed(?:\s+(?:to|reporting\s+to)\s+this\s+(?:report|story|article))?\.?"
    r"|reuters|bloomberg|xinhua|interfax|ukrinform|tass|dpa|efe|ansa|kyodo|yonhap)\)?\.?$"
    r"|^\((?-i:[A-Z]{2,6}(?:\s*[/,]\s*[A-Z]{2,6})*)\)\.?$",
    re.IGNORECASE,
)
# Source trailers: attribution that may be kept, but is not body text ("Source: <outlet>").
SOURCE_TRAILER = re.compile(
    r"^(?:(?:source|sources|via|courtesy(?:\s+of)?)\s*:\s*\S.{0,60}|\(?with\s+inputs?\s+from\s+[\w ,&]{2,40}\)?\.?)$",
    re.IGNORECASE,
)

# Breadcrumb navigation: "Home > World > Europe", "Home / News", or labels glued to the headline.
BREADCRUMB_LINE = re.compile(r"^(?:Home|Homepage|Start|Main)\s*(?:[>»›|/]\s*[\w&' \-]{1,30}){1,6}\s*[>»›|/]?\s*$")
GLUED_HOME = re.compile(r"^(?:Home|Homepage)(?=[A-Z])")

# Photo credits at the end of a caption line: "Name Surname / Agency via Getty Images",
# "Photo: Name/AFP", "(AP Photo/Name)".
_NAME = r"(?>[A-Z][\w'’\-]*\.?)"  # a full stop only at the end (initials): "Kato.Maria" is two words
# (atomic: a name is never re-split inside a word when a search backtracks; without it a line of
# base64, capitals and slashes, took 38 CPU s per search of its last 400 characters)
CREDIT_AT_END = re.compile(
    rf"(?P<credit>(?:\(?(?:Photo|Image|Picture|Photograph|Credit|Pictured)s?\s*(?:by|:|credit:?)\s*)?"
    rf"(?:{_NAME}\s+){{0,3}}{_NAME}\s*/\s*(?:{_NAME}\s*){{1,4}}(?:(?:via|for)\s+(?:{_NAME}\s*){{1,3}})?\)?)\s*$"
)
VIA_AGENCY_AT_END = re.compile(
    rf"(?P<credit>(?:{_NAME}\s+){{0,4}}(?:{_NAME}\s+)?via\s+(?:Getty\s+Images|Reuters|AP|AFP|EPA|Shutterstock|Bloomberg)\)?)\s*$"
)
# A labelled credit after the caption's last sentence ("... on the quay. Photo: Agency").
LABELLED_CREDIT_AT_END = re.compile(
    r"(?<=[.!?”])\s*(?P<credit>\(?(?:Photo|Image|Picture|Photograph|Credit|File\s+photo)s?\s*(?:by|:)\s*[^.!?]{2,60}?\)?)\s*$",
    re.IGNORECASE,
)
