"""Training our own spaCy pipelines (NER, tagger + parser + lemmatizer) from public corpora.

Heavy imports (spaCy, gensim) happen inside functions so importing this package stays cheap.
"""
