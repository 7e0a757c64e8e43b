#!/usr/bin/env bash
# Text classification as a Weka user runs it (issue 19): a Reuters-like set of documents
# (bench/text_data.py: binary class, Zipf word frequencies, a class signal in 40 words) turned
# into word counts by StringToWordVector, then
#   FilteredClassifier -F "StringToWordVector -W 100000" -W weka.classifiers.functions.Lasso
# against the same with weka.classifiers.functions.Logistic, both trained on train.arff and scored
# on test.arff, and LassoAttributeEval (-M entry: how early a word enters the path) with Ranker
# on the word vectors. Each command is timed on the wall clock, JVM start included, with the
# l1path package installed into a temporary Weka home, as bench/weka-vs-logistic.sh does. StringToWordVector's instances are sparse, so Lasso
# encodes and stores them sparse (-storage auto); the dense design of 1500 x 20000 was what made
# the first measurement 351 s.
#
# usage: bench/weka-text.sh
#        TRAIN=200 TEST=100 VOCABULARY=2000 WORDS=50 REPEAT=1 bench/weka-text.sh   (a quick check)
#
# Environment: TRAIN, TEST, VOCABULARY, WORDS (documents in each file, vocabulary size, words per
# document; default 1500 600 20000 100), SEED (generator seed, default 1), LASSO_OPTS (extra Lasso
# options, e.g. "-storage dense" to time the dense design), REPEAT (timed runs per command, default
# 1), TIMEOUT (seconds per command, default 1800; a timed-out command is not repeated), ZIP, WORK,
# WEKA_CP, JAVA_OPTS as for bench/weka-vs-logistic.sh.
# Output: a Markdown table on stdout; progress on stderr; each run's output in $WORK/logs.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
ZIP=${ZIP:-$root/weka-plugin/target/l1path-0.1.0.zip}
TRAIN=${TRAIN:-1500}
TEST=${TEST:-600}
VOCABULARY=${VOCABULARY:-20000}
WORDS=${WORDS:-100}
SEED=${SEED:-1}
LASSO_OPTS=${LASSO_OPTS:-}
REPEAT=${REPEAT:-1}
TIMEOUT=${TIMEOUT:-1800}
WORK=${WORK:-$(mktemp -d -t l1path-weka-text.XXXXXX)}
JAVA_OPTS=${JAVA_OPTS:-}
mkdir -p "$WORK"/{data,logs,wekahome,cwd}
WORK=$(cd "$WORK" && pwd)
log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }
[ -f "$ZIP" ] || { echo "no package zip at $ZIP (build it, or set ZIP)" >&2; exit 1; }

# shellcheck source=bench/weka-env.sh
. "$here/weka-env.sh"
read -ra lasso_opts <<<"$LASSO_OPTS"

data=$WORK/data
log "writing $TRAIN + $TEST documents, vocabulary $VOCABULARY, about $WORDS words each, to $data"
python3 "$here/text_data.py" "$data" "$SEED" "$TRAIN" "$TEST" "$VOCABULARY" "$WORDS"

# The word vectors for the evaluator (sparse ARFF; StringToWordVector puts the attributes it keeps,
# here the class, before the words: the class is first). Not timed.
vector=(weka.filters.unsupervised.attribute.StringToWordVector -W 100000)
"${jvm[@]}" weka.Run -no-scan "${vector[@]}" -c last -i "$data/train.arff" -o "$data/words.arff" \
  >"$WORK/logs/filter.log" 2>&1 || { cat "$WORK/logs/filter.log" >&2; exit 1; }
words=$(grep -ci '^@attribute' "$data/words.arff")
words=$((words - 1))

# timed NAME COMMAND...: runs the command REPEAT times; prints the median wall seconds,
# "timeout" or "failed"; the first run's output is in $WORK/logs/NAME.log.
timed() {
  local name=$1 start end rc times=() i
  shift
  for ((i = 1; i <= REPEAT; i++)); do
    rc=0
    start=$(date +%s.%N)
    timeout -k 10 "$TIMEOUT" "${jvm[@]}" weka.Run -no-scan "$@" >"$WORK/logs/$name-$i.log" 2>&1 || rc=$?
    end=$(date +%s.%N)
    case $rc in
      0) ;;
      124 | 137) log "$name run $i: timeout"; echo "timeout (>${TIMEOUT})"; return ;;
      *) log "$name run $i: failed"; echo "failed (see $WORK/logs/$name-$i.log)"; return ;;
    esac
    times+=("$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }')")
    log "$name run $i: ${times[-1]} s"
  done
  cp "$WORK/logs/$name-1.log" "$WORK/logs/$name.log"
  printf '%s\n' "${times[@]}" | sort -g \
    | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

# Percentage correct on the test set (the training-data section comes first).
accuracy() {
  [ -f "$1" ] || { echo -; return; }
  sed -n '/=== Error on test data ===/,$p' "$1" \
    | awk '/^Correctly Classified Instances/ { print $(NF - 1); exit }'
}

filtered=(weka.classifiers.meta.FilteredClassifier -t "$data/train.arff" -T "$data/test.arff"
  -F "${vector[*]}")
t_lasso=$(timed lasso "${filtered[@]}" -W weka.classifiers.functions.Lasso -- "${lasso_opts[@]}")
t_logistic=$(timed logistic "${filtered[@]}" -W weka.classifiers.functions.Logistic)
t_eval=$(timed eval weka.attributeSelection.LassoAttributeEval -M entry "${lasso_opts[@]}" -i "$data/words.arff" \
  -c first -s "weka.attributeSelection.Ranker -N 40")

# How many of the 40 attributes Ranker puts first are signal words (Ranker prints
# "rank-merit attribute-index name" lines after "Ranked attributes:").
found=-
if [ -f "$WORK/logs/eval.log" ]; then
  found=$(sed -n '/^Ranked attributes:/,/^$/p' "$WORK/logs/eval.log" | awk 'NR > 1 && NF >= 3 { print $NF }' \
    | head -40 | grep -cxFf "$data/signal.txt" || true)
fi

echo "| step ($TRAIN + $TEST documents, $words words) | seconds | test % correct |"
echo "|---|---|---|"
echo "| FilteredClassifier(StringToWordVector, Lasso${LASSO_OPTS:+ $LASSO_OPTS}) | $t_lasso | $(accuracy "$WORK/logs/lasso.log") |"
echo "| FilteredClassifier(StringToWordVector, Logistic) | $t_logistic | $(accuracy "$WORK/logs/logistic.log") |"
echo "| LassoAttributeEval + Ranker on the word vectors | $t_eval | signal words in the top 40: $found of 40 |"
log "runs' output in $WORK/logs"
