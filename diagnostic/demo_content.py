"""Partnership A's two rounds of the self-diagnostic, a year apart: the group's functioning improved on most
conditions between them, less so on the balance of power."""

import datetime

# (title, opened on, closed on, grade pattern per member: one letter per item, in the questionnaire's order)
ROUNDS = (
    (
        "Bilan du fonctionnement — printemps 2024",
        datetime.date(2024, 5, 6),
        datetime.date(2024, 5, 24),
        (
            "bbcabbcbbabccbbcbb",
            "bcbbbcbbcbbcccbbcb",
            "abbabbbabbbcbcbabb",
            "bcccbbcbbbbccbcbcb",
            "bbbabcbbbabbcbbbbc",
            "cbcbbcbccbbccbcbcb",
        ),
    ),
    (
        "Bilan du fonctionnement — printemps 2025",
        datetime.date(2025, 5, 5),
        datetime.date(2025, 5, 23),
        (
            "abaaabbaabaabbbaab",
            "aabbabaabbabcbbabb",
            "abaaababaabbbcaaba",
            "bbabaabbabbbbbbaab",
            "aababbaaabacbbbaab",
            "abbaabbabbabcbbabb",
            "aabaabaabaabbcbaaa",
        ),
    ),
)
# One comment per round, on the item the group discussed most.
COMMENTS = {
    "Bilan du fonctionnement — printemps 2024": ("pouvoir-taille", "Les bailleurs de fonds parlent en premier."),
    "Bilan du fonctionnement — printemps 2025": (
        "pouvoir-taille",
        "Mieux depuis que chaque organisme a une voix, mais les grands organismes pèsent encore plus.",
    ),
}
