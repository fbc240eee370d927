"""Mention finders shared by the fact extractors through ``sentence.SentenceMentions``."""
