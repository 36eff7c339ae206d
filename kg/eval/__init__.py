"""Evaluation of our models on the public corpora (NER: CoNLL exact-span P/R/F1; parser: UAS/LAS)."""
