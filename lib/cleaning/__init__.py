"""Stage 1, bytes → clean text: decoding, mojibake repair, HTML to text, boilerplate removal.

In: an article's raw bytes. Out: its cleaned text, the encoding and a repair log in which every
change has a rule name and a span. Next: ``lib.extraction`` finds tables in the text.
"""
