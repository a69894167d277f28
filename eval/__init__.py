"""make eval: the real ingest run on real pages, scored field by field against hand annotations.

    annotations.py  read and check eval/annotations/<key>.yaml
    scoring.py      match entries to annotated stories and count hits, misses and wrong tags
    report.py       per-page findings and the closing table
    __main__.py     run ingest on the pages present into a temporary content folder, then score

The page texts (eval/pages/<key>.txt) are the outlets' text and stay out of git; README.md in
this folder says how to gather them again.
"""
