"""The answer pipeline: understand -> gather evidence -> compose -> check, then the JSON answer.

`AnswerService.ask(text, on_date=None)` returns one plain dict for the API and the Hỏi đáp page:
  understanding  the typed question (intent, who, documents, article, as-of date)
  summary        one line built from extracted facts, with its citation, or null
  banner         the in-force banner (expired texts / the day asked about), or null
  facts          catalogue and relation facts, each with its source
  answer         verbatim quotes with citation and status (never news)
  articles       supporting articles (normative texts only)
  news           related news reports ("Tin tức liên quan"), context only
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from ingest.index_contract import SearchBackend
from search_api.answering import (
    absent_text,
    chain_order,
    detailing,
    eligibility,
    expungement,
    governing,
    groups,
    juvenile,
    limitation,
    penalty,
    penalty_guidance,
    penalty_route,
    procedure_steps,
    quote_shape,
    support,
)
from search_api.answering import compose as c
from search_api.answering import models as m
from search_api.answering.article_changes import amended_first
from search_api.answering.as_of import ISSUE_ASKED
from search_api.answering.asking_cover import agreed_and_asked, asking_covered, heading_said, named_text_leads
from search_api.answering.check import (
    EMPTY_MESSAGE,
    answer_threshold,
    banner,
    dated_status,
    decline_message,
    drop_news,
    hits_on,
    lacking,
    reference_units,
    support_reason,
)
from search_api.answering.citations import quote_dict
from search_api.answering.confidence import assess
from search_api.answering.cues import ASKS_AGE
from search_api.answering.definitions import compose_definition, defined_terms, is_definition_question
from search_api.answering.evidence import Evidence, gather, hit_for
from search_api.answering.facts import (
    asked_types,
    document_facts,
    effect_article,
    effect_unit,
    facts_summary,
)
from search_api.answering.liability_threshold import threshold_quotes
from search_api.answering.named_scope import named_scope, text_described
from search_api.answering.off_collection import unit_words
from search_api.answering.offence_names import offence_names
from search_api.answering.prohibited import named_text_prohibition
from search_api.answering.quote_labels import LABEL_SAID_BONUS, amount_summary, label_said, short_label
from search_api.answering.rerank import load_model, rerank
from search_api.answering.successor import unknown_successor
from search_api.answering.terms import folded
from search_api.answering.understand import expanded_text, understand_question
from search_api.corpus_store import CorpusStore
from search_api.search import SearchService

CHANGE_QUESTION = re.compile(r"(?<!\w)(?:thay the|sua doi|bai bo|bi thay|hop nhat|thay (?:\w+ ){0,2}nao)(?!\w)")
GOVERNING_QUESTION = re.compile(r"(?<!\w)(?:van ban|nghi dinh|thong tu|nghi quyet|quyet dinh) nao(?!\w)")


class AnswerService:
    def __init__(
        self,
        backend: SearchBackend,
        search: SearchService,
        store: CorpusStore | None = None,
        today: date | None = None,
    ):
        self.backend = backend
        self.search = search
        self.store = store or CorpusStore(backend)
        self.today = today

    def forget(self) -> None:
        self.store.forget()

    def warm(self) -> None:
        """Start-up: the store, then the collection-wide views of it that a first question would
        otherwise build inside its own request (at 1x: which money levels the texts fix in đồng,
        0.57 s; the defined terms, 0.28 s; bench/answer_store.py); the units by word (seconds at 100x)."""
        self.store.warm()
        reference_units(self.store)
        defined_terms(self.store)
        unit_words(self.store)
        offence_names(self.store)
        load_model()  # the reranker's weights (a file read, but not inside the first question)

    def understand(self, text: str, on_date: date | None = None) -> m.Question:
        catalogued = {stub.number for stub in self.search.catalogued_only()}
        return understand_question(text, self.search.known_documents(), on_date=on_date, catalogued=catalogued)

    def ask(self, text: str, on_date: date | None = None) -> dict[str, Any]:
        text = (text or "").strip()
        base: dict[str, Any] = {
            "question": text,
            "answered": False,
            "understanding": None,
            "summary": None,
            "chain": [],
            "steps": None,
            "banner": None,
            "confidence": None,
            "facts": [],
            "answer": [],
            "articles": [],
            "news": [],
            "message": None,
        }
        if not text:
            return {**base, "message": EMPTY_MESSAGE}
        question = self.understand(text, on_date)
        base["understanding"] = question.to_dict()
        if not question.syllables and not question.doc_numbers:
            return {**base, "message": EMPTY_MESSAGE}
        evidence = gather(question, self.search, self.store, self.today)
        snapshot = self.store.snapshot()
        threshold = answer_threshold(question, snapshot.frequency, max(snapshot.unit_count, 1))
        composition = self._compose(evidence, threshold)
        drop_news(composition)
        day = evidence.on_date()
        articles = hits_on(list(evidence.hits), day, self.store)
        if evidence.named_article and not any(
            h["article_id"] == evidence.named_article[1].id and h["doc_number"] == evidence.named_article[0].number
            for h in articles
        ):
            articles.insert(0, hit_for(*evidence.named_article))
        base.update(
            articles=articles,
            news=evidence.news,
            facts=composition.facts,
            best_coverage=round(composition.best_coverage, 3),
            as_of=day.isoformat() if day else None,
        )
        # What the collection lacks declines an answer whose words overlap but whose clauses hold no
        # asked-for fact, and is said first in any decline.
        gap = absent_text.content_gap(evidence, self.store) or lacking(evidence, composition, self.store)
        reason = None if gap else support_reason(evidence, composition, threshold)
        if reason is None:
            message = decline_message(evidence)
            return {**base, "message": f"{gap} {message}" if gap else message}
        quotes = [quote_dict(q, self.store, *dated_status(q.document, day)) for q in composition.quotes]
        return {
            **base,
            "answered": True,
            "summary": composition.summary,
            "chain": composition.chain,
            "steps": composition.steps,
            "banner": banner(evidence, composition, self.store),
            "confidence": assess(composition.mode, composition.quotes, c.ranked(evidence), reason),
            "answer": quotes,
        }

    def _compose(self, evidence: Evidence, threshold: float) -> c.Composition:
        composition = self._compose_by_intent(evidence, threshold)
        question = evidence.question
        if (
            evidence.named_article
            and composition.mode in ("definition", "eligibility")
            and question.intent not in (m.LOOKUP, m.STATUS, m.DETAILING)
        ):
            # "Nghị định 56/2017 Điều 12 quy định những trường hợp nào được coi là ...": the article the
            # question points at opens the answer, whichever definition or group clause scored higher.
            composition.quotes = quote_shape.named_article_opens(
                composition.quotes,
                c.ranked(evidence),
                evidence.named_article,
                question.clause_number,
                eligibility=composition.mode == "eligibility",
            )
        return composition

    def _compose_by_intent(self, evidence: Evidence, threshold: float) -> c.Composition:
        question = evidence.question
        c.score_candidates(evidence, self.store)
        ordered = rerank(evidence, c.ranked(evidence))
        best_coverage = max((x.coverage for x in ordered), default=0.0)
        if ordered and (
            asking_covered(evidence, ordered[:1])
            # (only when no unit reaches the bar: a question answered already keeps the quotes it had)
            or (best_coverage < threshold and agreed_and_asked(evidence, ordered[0]))
            # (or it comes from the text the question names: check.support_reason answers with a low confidence)
            or (best_coverage < threshold and named_text_leads(evidence, ordered[0]))
            or (best_coverage < threshold and heading_said(evidence, ordered[0]))
        ):
            # the story before the question dilutes coverage; the best unit answers the asking sentence itself
            threshold = min(threshold, ordered[0].coverage)
        composition = c.Composition(best_coverage=best_coverage)
        if evidence.missing_article and question.intent == m.LOOKUP:
            return composition  # "Điều 99" of a text that has no Điều 99: declined, saying so
        if question.intent == m.STATUS:
            evidence.named_documents = text_described(evidence, self.store)  # (named by type and subject)
        if question.intent in (m.STATUS, m.DETAILING) or (question.intent == m.LOOKUP and not evidence.named_article):
            composition.facts = document_facts(evidence, self.store)
        evidence.unknown_successor = unknown_successor(evidence, composition.facts, self.store)
        if question.asks_transition:
            # "chưa xong thì làm tiếp theo luật nào": the transitional clause answers, though the asker's
            # words ("đơn xin", "giờ vẫn đang giải quyết") cover little of it (transition.py)
            transitional = next((x for x in ordered if "transition" in x.parts), None)
            if transitional is not None:
                return c.lead_with(composition, [transitional], ordered, threshold, "transition")
        if evidence.named_article and question.intent in (m.LOOKUP, m.STATUS, m.DETAILING):
            document, article = evidence.named_article
            if question.intent == m.LOOKUP and (lead := quote_shape.guidance_then_article(evidence, ordered)):
                return c.lead_with(composition, lead, ordered, threshold, "guidance")
            if question.intent == m.LOOKUP:
                composition.quotes = c.whole_article(document, article, question.clause_number)
                composition.mode = "named_article"
                composition.summary = f"Điều {article.number}. {article.title} — {short_label(document)}"
                return composition
        if (own_scope := named_scope(evidence, self.store)) is not None:
            # "Luật TGPL 2017 phạm vi điều chỉnh gồm những nội dung gì": the named text's own scope article
            return c.lead_with(composition, [own_scope], ordered, threshold, "scope")
        if question.intent == m.DETAILING and detailing.compose_detailing(
            evidence, ordered, threshold, composition, self.store
        ):
            return composition
        if absent_text.compose_absent_status(evidence, ordered, threshold, composition, self.store):
            return composition  # ("11/2013/TTLT-... bị thay thế?": not in the collection; a text it holds says)
        if question.intent == m.LOOKUP and is_definition_question(question):
            # "theo luật PCMBN thì 'nô lệ tình dục' được hiểu là gì": a term the named text defines, not the text's
            # own facts (an outside reader was given Điều 1 and the 2024 law's date)
            if compose_definition(evidence, composition, ordered, threshold, self.store):
                return composition
        if question.intent in (m.STATUS, m.LOOKUP) and composition.facts:
            composition.mode = "facts"
            composition.summary = facts_summary(composition.facts, bool(ISSUE_ASKED.search(question.folded)))
            if CHANGE_QUESTION.search(question.folded) and composition.summary:
                # "thay thế luật nào", "bị sửa đổi bởi văn bản nào": the relation itself, in the line.
                subject = composition.facts[0]["doc_number"]  # (another named text's changes are its own)
                changes = [f["text"] for f in composition.facts if f["kind"] == "change" and f["doc_number"] == subject]
                composition.summary = " ".join([composition.summary, *changes[:2]])
            # The text's own words on when it takes effect (a stub has none: facts only).
            for document in evidence.named_documents:
                shown = effect_article(document) if question.intent == m.STATUS else None
                if shown is None and question.intent == m.LOOKUP and document.articles:
                    shown = document.articles[0]
                if shown is not None:
                    # (the whole article when the question also asks what the text replaced: the
                    # next clause of "Hiệu lực thi hành" says so)
                    clause = (
                        effect_unit(document, shown)
                        if question.intent == m.STATUS and not CHANGE_QUESTION.search(question.folded)
                        else None
                    )
                    composition.quotes = c.whole_article(document, shown, clause.number if clause else None)
                    break
            if question.intent == m.STATUS:
                # "điểm 4 Mục I Phần A của Thông tư 05/2008 ... còn hiệu lực không, văn bản nào bãi bỏ": the clause of
                # another text that repeals or replaces what is asked, naming it, is the evidence (heldout23)
                composition.quotes = absent_text.repeal_first(composition.quotes, ordered, evidence)
                # ("Đ359 k3 điểm a ... đã bị Luật 12/2017 thay chưa": the amending clause naming the article)
                composition.quotes = amended_first(composition.quotes, evidence, self.store)
            return composition
        if not evidence.named_documents and GOVERNING_QUESTION.search(question.folded):
            # "Nghị định nào quy định căn cứ xác định nạn nhân?": the text whose scope says so.
            types = asked_types(question)
            candidates = governing.scope_candidates(self.store, evidence, types)
            scope = governing.governing_scope_quote(evidence, candidates)
            if scope:
                rest = [q for q in c.select(ordered, threshold) if q.document.number != scope[0].document.number]
                content = governing.content_quote(evidence, scope[0].document, scope[0].article)
                if content is not None and governing.content_first(question):
                    scope = [content, *scope]  # "..., cụ thể là gì", "có được ... không": what it says, then its scope
                elif content is not None and content.key != scope[0].key:
                    scope = [*scope, content]  # which text, then what it says on the question
                composition.quotes = (scope + rest)[: c.MAX_QUOTES]
                composition.best_coverage = max(composition.best_coverage, scope[0].coverage)
                composition.summary = f"{scope[0].document.type} {scope[0].document.number}: {scope[0].document.title}"
                return composition
        for read_rule in (limitation.limitation_quotes, expungement.expungement_quotes, threshold_quotes):
            if (ruled := read_rule(question, self.store)) is not None:  # (a Criminal Code rule read, not ranked)
                composition.quotes, composition.summary = ruled
                composition.mode = "penalty"
                return composition
        age = juvenile.offender_age(question)
        if age is not None:
            # "cháu 17 tuổi bị truy tố ... mức tù cao nhất": the rules for offenders under 18 decide it,
            # then the offence's own clause whose range they cap.
            rule = juvenile.juvenile_quote(question, self.store, age)
            if rule is not None:
                offence, _ = penalty.penalty_quotes(evidence, self.store)
                return c.lead_with(composition, [rule, *offence[:1]], ordered, threshold, "penalty")
        if is_definition_question(question) and compose_definition(
            evidence, composition, ordered, threshold, self.store
        ):
            return composition
        if banned := named_text_prohibition(evidence, ordered):
            return c.lead_with(composition, banned, ordered, threshold, "prohibited")
        if question.has(m.PENALTY) and (stated := penalty_route.named_text_consequence(ordered, evidence)):
            return c.lead_with(composition, [stated], ordered, threshold, "consequence")
        if question.has(m.PENALTY) and (rule := penalty_route.general_rule_named(ordered, question)):
            return c.lead_with(composition, [rule], ordered, threshold, "ranked")
        if (
            question.has(m.PENALTY)
            and question.asks_sentence
            and not penalty_route.consequence_stated(ordered)
            and not penalty_route.general_rule_stated(ordered, question)
            and not penalty_route.named_general_guidance(ordered, evidence)
        ):
            quotes, summary = penalty.penalty_quotes(evidence, self.store)
            agreed = penalty_route.agreed_code_article(
                ordered, quotes[:1], evidence
            ) or penalty_route.reranked_code_article(ordered, quotes[:1], evidence)
            if agreed is not None:
                # (the story's offence is not what the asking sentence asks: penalty_route.agreed_code_article)
                return c.lead_with(composition, [agreed], ordered, threshold, "ranked")
            if quotes:
                guidance = penalty_guidance.guidance_quote(evidence, self.store, quotes[0])
                composition.quotes = quotes[:1] + ([guidance] if guidance else []) + quotes[1:]
                composition.summary = summary
                composition.mode = "penalty"
                return composition
        if eligibility.compose_eligibility(evidence, ordered, threshold, composition):
            return composition
        composition.quotes = c.select(ordered, threshold)
        typed = expanded_text(question.text)  # (read for headings and set-aside articles: quote_shape says why)
        if evidence.named_article and not quote_shape.told_or_set_aside(question, typed):
            composition.quotes = quote_shape.named_article_first(
                composition.quotes, ordered, evidence.named_article, typed, question.clause_number
            )
            composition.quotes = quote_shape.whole_named_when_unsure(
                composition.quotes, evidence.named_article, question.clause_number, threshold, question.folded
            )
        if composition.quotes and (
            question.intent == m.PROCEDURE or procedure_steps.NAMES_STEPS.search(question.folded)
        ):  # "quy trình ... gồm những bước nào": the steps, whatever the primary intent
            asks_steps = bool(procedure_steps.ASKS_STEPS.search(question.folded))
            composition.steps = procedure_steps.outline(composition.quotes[0], question.asks_dossier, asks_steps)
            composition.summary = procedure_steps.summary_line(composition.steps)
        # (an offence's fine or prison term is no sum a victim receives: "tiền bồi thường tối đa bao
        # nhiêu" answered from a Criminal Code article must not open with its fine)
        first_is_offence = bool(composition.quotes) and c.is_offence(composition.quotes[0])
        if (
            composition.quotes
            and question.has(m.AMOUNT, m.ENTITLEMENT)
            and not composition.summary
            and not (first_is_offence and not question.has(m.PENALTY))
            and not (ASKS_AGE.search(question.folded) and not (question.asks_money or question.asks_duration))
            # (a clause whose condition the question's person fails states no figure of theirs: "người không hưởng
            # lương từ ngân sách" for a border guard)
            and not groups.denies_condition(question, folded(composition.quotes[0].text))
        ):
            cover = support.Cover(question, evidence.weights)
            first = composition.quotes[0]
            composition.summary = amount_summary(first, self.store, lambda text: point_cover(question, cover, text))
            chain = support.legal_chain(first, self.store, cover) if composition.summary else []
            if chain and composition.summary:
                # the law and decree articles behind the clause fixing the amount (chain_order)
                fixing = composition.summary.rsplit(" — ", 1)[-1]
                composition.summary += support.chain_summary(chain, self.store)
                composition.chain = chain_order.chain_entries(first, chain, fixing, self.store)
                composition.quotes = chain_order.ordered_quotes(
                    question, first, chain, composition.quotes, ordered, self.store, cover, c.MAX_QUOTES
                )
        if not composition.chain:  # (a chain orders its quotes law -> decree -> circular; left as it is)
            composition.quotes = quote_shape.merge_siblings(composition.quotes)
        return composition


def _fact_documents(composition: c.Composition) -> set[str]:
    return {str(fact["doc_number"]) for fact in composition.facts if fact.get("doc_number")}


def point_cover(question: m.Question, cover: support.Cover, text: str) -> float:
    """How much a point of the quoted clause is what the question asks, to pick the one whose sum the summary line
    states: nothing when its condition excludes the question's person, more when the question says its label."""
    if groups.denies_condition(question, folded(text)):
        return 0.0
    return cover(text) + (LABEL_SAID_BONUS if label_said(text, question.folded) else 0.0)
