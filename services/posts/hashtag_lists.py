"""Hashtags worth a warning. Instagram publishes no list; these are widely reported ones.

BANNED: tags Instagram has restricted (their pages hide recent posts); using one can hide
the post from hashtag pages. OVERUSED: tags so common that a post drowns in them.
"""

BANNED = frozenset(
    """
    adulting alone armparty assday asiandick attractive beautyblogger bikinibody boho brain
    costumes curvygirls date dating desk dm edm eggplant elevator girlsonly gloves graffitiigers
    hardworkpaysoff happythanksgiving hawks hotweather humpday hustler iphonegraphy italiano
    kansas killingit kissing leaves lingerie loseweight master mileycyrus models mustfollow
    nasty newyears newyearsday petite pornfood pushups rate ravens saltwater selfharm shower
    single singlelife skateboarding skype snap snapchat snowstorm sopretty stopdropandroll
    streetphoto sunbathing swole tag4like tagsforlikes teens thought todayimwearing undies
    valentinesday workflow wtf
    """.split()
)

OVERUSED = frozenset(
    """
    love instagood photooftheday fashion beautiful happy cute tbt like4like followme picoftheday
    follow me selfie summer art instadaily friends repost nature girl fun style smile food
    instalike likeforlike family travel fitness igers tagsforlikes follow4follow nofilter life
    beauty amazing instamood instagram photography photo
    """.split()
)
