"""Stage 2, structure: clean the text and split it into typed paragraphs."""
