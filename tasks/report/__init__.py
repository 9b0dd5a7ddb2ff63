"""Stage 7, report: documents built from the tables and the run logs.

    page             the run report: one self-contained HTML page (`newsfacts report`)
    load             what the report reads: tables, run log, validation results, quarantine, refusals
    corpus           the corpus at a glance; an article's outlet
    speakers         who is quoted most, their most characteristic quote, who said what
    numbers          numeric facts by kind and unit; the largest counts in their sentence
    entities         entities per label and the most widespread names
    quality          validation per run and table, the quarantine, the refusals
    runs             runs over time: seconds per stage, articles per second, peak memory
    charts           matplotlib figures as inline SVG
    ranked           counts as a ranking that is the same on every build
    data_dictionary  docs/DATA.md from the schemas
"""
