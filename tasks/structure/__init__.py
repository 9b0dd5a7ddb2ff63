"""Stage 2, structure: clean the text and split it into typed paragraphs.

    clean       normalisation and mojibake repair; clean(doc) builds the Article
    split       paragraphs in both layouts, their kinds (headline, standfirst, subheading, body) and sections
    identity    the article's identity (article_id)
"""
