"""The bottom layer: data model, schema, errors, atomic writes, the output lock, the record format.

Nothing here imports any other part of paperkg, or spaCy.
"""
