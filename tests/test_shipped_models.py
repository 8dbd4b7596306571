"""The three learned models that ship with the package: each file is what its training
script gives on dev.jsonl (a change of the corpus, the features, the recipe or of what the
rules report on dev without retraining fails here), and a model file of another format is
refused."""

from __future__ import annotations

import json

import pytest

from hipaalint.detect import finding_scores, patient_context, patient_words

MODELS = {
    "context": (patient_context, patient_context.PatientContextModel, "w:patient"),
    "words": (patient_words, patient_words.PatientWordsModel, "s:Xx"),
    "findings": (finding_scores, finding_scores.FindingScoresModel, "n:1"),
}


@pytest.mark.parametrize("name", MODELS)
def test_shipped_model_is_what_training_on_dev_gives(dev_training_run, name):
    modules, records, run = dev_training_run
    module, _, feature = MODELS[name]
    path = module.MODEL_PATH
    trained = modules.context.train(records) if name == "context" else getattr(modules, name).train(records, run)
    shipped, fresh = json.loads(path.read_text(encoding="utf-8")), json.loads(trained)
    assert modules.context.same_model(shipped, fresh)
    fresh["weights"][feature] += 0.01
    assert not modules.context.same_model(shipped, fresh)


@pytest.mark.parametrize("name", MODELS)
def test_a_model_file_of_another_format_is_refused(tmp_path, name):
    module, model, _ = MODELS[name]
    path = tmp_path / "model.json"
    path.write_text(json.dumps({"format": 99, "bias": 0, "weights": {}}))
    with pytest.raises(ValueError, match=f"format 99, expected {module.FORMAT}"):
        model.load(path)
