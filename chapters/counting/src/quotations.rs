//! The texts quoting each other: every passage the essay puts in Carlsmith's mouth, and the
//! essay's opening as Turner quotes it, set against the words they quote
//! ([`quotation`]).
//!
//! The essay's quotations of Carlsmith were collected by comparing every line of the essay
//! (its block quotations are lines) and every stretch in quotation marks with the whole of
//! both Carlsmith texts: those attributed to him are [`checked`] against the sentence they
//! match, and those that match no span of either text within half their words are
//! [`unlocated`] (the seeds hold only §4.1–4.2 of his report and his reply on speed). The
//! chapter's test binary repeats both searches against the texts themselves.

use ledger::{Seed, Source, Verdict};
use quotation::Quotation;

/// What a checked quotation's claim states.
pub const MATCHES_CARLSMITH: &str = "the essay's quotation matches Carlsmith's text as the book holds it (the forum post of §4.1–4.2)";
/// The same, for Turner quoting the essay.
pub const MATCHES_ESSAY: &str = "Turner's quotation matches the essay's text";

/// A quotation the ledger checks: its claim's id and statement, the two texts, and the
/// verdict the page relies on (reproduced when no word differs, else contradicted), which
/// the claim's test fails on if the comparison does not earn it.
#[derive(Clone, Debug)]
pub struct Checked {
    pub id: &'static str,
    pub stated: &'static str,
    pub quotation: Quotation,
    pub expect: Verdict,
}

/// A passage the essay attributes to Carlsmith that is not in the part of his writing the
/// seeds hold: the quoting sentence, the words in quotation marks, and why the book cannot
/// check them.
#[derive(Clone, Debug)]
pub struct Unlocated {
    pub id: &'static str,
    pub quoting: Source,
    pub passage: &'static str,
    pub why: &'static str,
}

/// The texts in which an [`Unlocated`] passage was looked for.
pub const SEARCHED: [Seed; 2] = [Seed::CarlsmithCounting, Seed::CarlsmithSpeed];

fn block(
    id: &'static str,
    stated: &'static str,
    quoting: Source,
    quoted: Source,
    expect: Verdict,
) -> Checked {
    Checked {
        id,
        stated,
        quotation: Quotation::block(quoting, quoted),
        expect,
    }
}

fn inline(
    id: &'static str,
    quoting: Source,
    passage: &'static str,
    quoted: Source,
    expect: Verdict,
) -> Checked {
    Checked {
        id,
        stated: MATCHES_CARLSMITH,
        quotation: Quotation::inline(quoting, passage, quoted),
        expect,
    }
}

const HAZY_SENTENCE: &str = "In comments on an early draft of this post, Joe Carlsmith emphasized that the argument he finds most compelling is what he calls the “hazy counting argument,” as opposed to the “strict” counting argument we introduced earlier.";

/// The quotations found in the quoted texts, each against the sentence it stands for.
pub fn checked() -> Vec<Checked> {
    let essay = Seed::BelrosePope;
    let carlsmith = Seed::CarlsmithCounting;
    vec![
        // The strict counting argument, "Scheming AIs, page 17", line by line.
        block(
            "quotation.strict-specific-goals",
            MATCHES_CARLSMITH,
            essay.quote("The non-schemer model classes, here, require fairly specific goals in order to get high reward."),
            carlsmith.quote("The non-schemer model classes, here, require fairly specific goals."),
            Verdict::Contradicted,
        ),
        block(
            "quotation.strict-wide-range",
            MATCHES_CARLSMITH,
            essay.quote("By contrast, the schemer model class is compatible with a very wide range of (beyond episode) goals, while still getting high reward…"),
            carlsmith.quote("By contrast, the schemer model class is compatible with a very wide range of (beyond-episode) goals (at least if we assume that the other requirements for scheming to make sense as an instrumental strategy are in place – e.g., that the classic goal-guarding story, or some alternative, works)."),
            Verdict::Contradicted,
        ),
        block(
            "quotation.strict-more-schemers",
            MATCHES_CARLSMITH,
            essay.quote("In this sense, there are “more” schemers that get high reward than there are non-schemers that do so."),
            carlsmith.quote("In this sense, there are \"more\" schemers that perform well in training than there are non-schemers that do so."),
            Verdict::Contradicted,
        ),
        block(
            "quotation.strict-conclusion",
            MATCHES_CARLSMITH,
            essay.quote("So, other things equal, we should expect SGD to select a schemer."),
            carlsmith.quote("So, other things equal, we should expect SGD to select a schemer."),
            Verdict::Reproduced,
        ),
        // The hazy counting argument, "Scheming AIs, page 17", and what Carlsmith calls it.
        block(
            "quotation.hazy-premise",
            MATCHES_CARLSMITH,
            essay.quote("It seems like there are “lots of ways” that a model could end up a schemer and still get high reward, at least assuming that scheming is in fact a good instrumental strategy for pursuing long-term goals."),
            carlsmith.quote("It seems like there are \"lots of ways\" that a model could end up a schemer and still get high reward, at least assuming that scheming is in fact a good instrumental strategy for pursuing long-term goals."),
            Verdict::Reproduced,
        ),
        block(
            "quotation.hazy-argument",
            MATCHES_CARLSMITH,
            essay.quote("So absent some additional story about why training won’t select a schemer, it feels, to me, like the possibility should be getting substantive weight."),
            carlsmith.quote("So absent some strong additional story about why training won't select a schemer, it feels, to me, like the possibility should be getting substantive weight."),
            Verdict::Contradicted,
        ),
        inline(
            "quotation.hazy-name",
            essay.quote(HAZY_SENTENCE),
            "hazy counting argument",
            carlsmith.quote("Call this the \"hazy counting argument.\""),
            Verdict::Reproduced,
        ),
        inline(
            "quotation.strict-name",
            essay.quote(HAZY_SENTENCE),
            "strict",
            carlsmith.quote("(call this the \"strict counting argument\")"),
            Verdict::Reproduced,
        ),
        // Turner quotes a draft of the essay, which he says he has "lightly edited"; its
        // copy of Carlsmith's lines is the essay's, word for word.
        block(
            "quotation.turner-more-schemers",
            MATCHES_ESSAY,
            Seed::Turner.quote("In this sense, there are “more” schemers that get high reward than there are non-schemers that do so."),
            essay.quote("In this sense, there are “more” schemers that get high reward than there are non-schemers that do so."),
            Verdict::Reproduced,
        ),
        block(
            "quotation.turner-premised",
            MATCHES_ESSAY,
            Seed::Turner.quote("It’s premised on the idea that schemers can have “a wide variety of goals,” while the motivations of a non-schemer must be benign or are otherwise more constrained."),
            essay.quote("It’s premised on the idea that schemers can have “a wide variety of goals,” while the motivations of a non-schemer must be benign by definition."),
            Verdict::Contradicted,
        ),
    ]
}

const OUTSIDE: &str = "the passage is not in the part of Carlsmith's writing the book has (§4.1–4.2 of the report and his reply on speed): no span of either text matches it within half its words, which the chapter's test checks against both texts";

/// The passages attributed to Carlsmith that neither of his texts in the seeds contains.
pub fn unlocated() -> Vec<Unlocated> {
    let essay = Seed::BelrosePope;
    vec![
        Unlocated {
            id: "quotation.wide-variety",
            quoting: essay.quote("It’s premised on the idea that schemers can have “a wide variety of goals,” while the motivations of a non-schemer must be benign by definition."),
            passage: "a wide variety of goals",
            why: OUTSIDE,
        },
        Unlocated {
            id: "quotation.not-especially-principled",
            quoting: essay.quote("Joe admits this argument is “not especially principled.”"),
            passage: "not especially principled",
            why: "the words are not in the part of Carlsmith's writing the book has, which says of the hazy argument that it \"is unprincipled and informal\", the same judgement in plainer words; the essay's paragraph opens with Carlsmith's comments on its draft, which the book does not have, and the words may be from those. No span of Carlsmith's two texts here matches them within half their words, which the chapter's test checks",
        },
        Unlocated {
            id: "quotation.goal-slot",
            quoting: essay.quote("…some analyses of schemers talk as though the model has what we might call a “goal-achieving engine” that is cleanly separable from what we might call its “goal slot,” such that you can modify the contents of the goal slot, and the goal-achieving engine will be immediately and smoothly repurposed in pursuit of the new goal."),
            passage: "…some analyses of schemers talk as though the model has what we might call a “goal-achieving engine” that is cleanly separable from what we might call its “goal slot,” such that you can modify the contents of the goal slot, and the goal-achieving engine will be immediately and smoothly repurposed in pursuit of the new goal.",
            why: "the essay gives page 55 of the report, outside §4.1–4.2, the part the book has; no span of Carlsmith's two texts here matches it within half its words, which the chapter's test checks",
        },
        Unlocated {
            id: "quotation.page-21-undergirds",
            quoting: essay.quote("On page 21 of his report, Carlsmith writes: ‘I think some version of the “counting argument” undergirds most of the other arguments for expecting scheming that I’m aware of (or at least, the arguments I find most compelling)."),
            passage: "I think some version of the “counting argument” undergirds most of the other arguments for expecting scheming that I’m aware of (or at least, the arguments I find most compelling).",
            why: OUTSIDE,
        },
        Unlocated {
            id: "quotation.page-21-wide-variety",
            quoting: essay.quote("That is: schemers are generally being privileged as a hypothesis because a very wide variety of goals could in principle lead to scheming…"),
            passage: "That is: schemers are generally being privileged as a hypothesis because a very wide variety of goals could in principle lead to scheming…",
            why: OUTSIDE,
        },
    ]
}
