#!/usr/bin/env python3
"""Linear and SVM baselines for the voice model's targets, on the same leave-4-actors-out folds.

Reads eGeMAPSv02 functionals of RAVDESS actors 01-16 (one `emofuse extract` CSV per take) and prints
out-of-fold UAR (8 categories) and arousal AUC (angry/fearful/happy/surprised above neutral/calm/sad,
ranked by the summed probability of the high-arousal classes) for logistic regression and an RBF SVM,
each with two normalisations: the training population's statistics (what a single utterance of an
unseen speaker allows) and every file of a speaker z-scored together (needs all of that speaker's
files; a reference). Needs scikit-learn (Debian: apt-get install -y python3-sklearn).

  ./emofuse extract --set egemaps --out target/default/ravdess-rep1.csv ../shared/data/ravdess/wav
  ./emofuse extract --set egemaps --out target/default/ravdess-rep2.csv ../shared/data/ravdess-rep2/wav
  /usr/bin/python3 scripts/voice-linear-baselines.py target/default/ravdess-rep1.csv target/default/ravdess-rep2.csv
"""
import csv
import sys

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import recall_score, roc_auc_score
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

FOLDS = [[3, 8, 13, 16], [5, 6, 7, 11], [1, 4, 9, 15], [2, 10, 12, 14]]  # scripts/ravdess-cv.py's folds
HIGH = [2, 4, 5, 7]  # happy, angry, fearful, surprised (RAVDESS emotion code - 1)
LOW = [0, 1, 3]      # neutral, calm, sad

rows = []
for path in sys.argv[1:]:
    with open(path) as f:
        rows += list(csv.reader(f, delimiter=";"))[1:]
names = [r[0].strip("'") for r in rows]
x = np.array([[float(v) for v in r[2:]] for r in rows])
emotion = np.array([int(n.split("-")[2]) - 1 for n in names])
actor = np.array([int(n.split("-")[6].split(".")[0]) for n in names])

per_speaker = x.copy()
for a in np.unique(actor):
    m = actor == a
    per_speaker[m] = (x[m] - x[m].mean(0)) / (x[m].std(0) + 1e-9)


def cross_validate(make, features):
    prob = np.zeros((len(features), 8))
    for test_actors in FOLDS:
        test = np.isin(actor, test_actors)
        scaler = StandardScaler().fit(features[~test])  # the training population's statistics
        clf = make().fit(scaler.transform(features[~test]), emotion[~test])
        prob[test] = clf.predict_proba(scaler.transform(features[test]))
    uar = recall_score(emotion, prob.argmax(1), average="macro")
    ranked = np.isin(emotion, HIGH + LOW)
    auc = roc_auc_score(np.isin(emotion, HIGH)[ranked], prob[:, HIGH].sum(1)[ranked])
    return uar, auc


print(f"{len(names)} files, {len(np.unique(actor))} actors")
print("| model | normalisation | UAR | arousal AUC |")
print("|---|---|---|---|")
models = [("logistic regression, C = 0.1", lambda: LogisticRegression(C=0.1, max_iter=3000)),
          ("logistic regression, C = 1", lambda: LogisticRegression(C=1, max_iter=3000)),
          ("RBF SVM, C = 1", lambda: SVC(C=1, probability=True, random_state=0)),
          ("RBF SVM, C = 10", lambda: SVC(C=10, probability=True, random_state=0))]
for name, make in models:
    for label, features in [("population statistics", x), ("all files of the speaker together", per_speaker)]:
        uar, auc = cross_validate(make, features)
        print(f"| {name} | {label} | {uar:.3f} | {auc:.3f} |")
