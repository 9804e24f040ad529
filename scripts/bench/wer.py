"""Word error counting shared by the ASR benchmark and the narrowband study."""


def edits(ref, hyp):
    """Word-level Levenshtein distance between two word lists."""
    d = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        prev, d[0] = d[0], i
        for j, h in enumerate(hyp, 1):
            prev, d[j] = d[j], min(d[j] + 1, d[j - 1] + 1, prev + (r != h))
    return d[len(hyp)]
