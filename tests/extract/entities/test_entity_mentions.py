"""tasks.extract.entities.mentions: the working records."""
from __future__ import annotations

from tasks.extract.entities.mentions import Mention, MentionGroup, words_key


def test_a_group_is_itself_and_knows_its_root_and_first_mention():
    a = MentionGroup("nord stream 2", [Mention(9, 12, "ORG", "Nord Stream 2"), Mention(3, 6, "ORG", "Nord Stream 2")])
    b = MentionGroup("nord stream", [Mention(20, 22, "ORG", "Nord Stream")], merged_into=a)
    c = MentionGroup("nord stream", [Mention(30, 32, "ORG", "Nord Stream")], merged_into=b)
    assert c.root() is a and b.root() is a and a.root() is a
    assert a.first == 3 and c.first == 30
    assert b != MentionGroup("nord stream", b.mentions, merged_into=a) and len({a, b, c}) == 3
    assert Mention(3, 6, "ORG", "Nord Stream 2").n_tokens == 3


def test_words_key(nlp):
    doc = nlp.make_doc("The U.S. State Department")
    assert words_key(doc, 1, 4) == "u.s. state department"
    assert words_key(doc, 0, 0) == ""
