//! Everything a person reads, for both faces (the app and the command line): nutrient amounts
//! in the unit the config asks for and rounded the one way, counts and plurals, the
//! calcium:magnesium note, warnings turned from data into sentences, the gauges' marks and
//! words, and the mark for foods not listed as eaten. The domain hands over numbers and
//! codes; only this module makes words.

pub mod absorption;
mod amount;
pub mod cofactors;
mod day;
mod form;
pub mod gauge;
pub mod labs;
pub mod period;
pub mod recipe;
pub mod report_html;
pub mod report_md;
pub mod review;
pub mod saved;
pub mod sun;
pub mod symptoms;
pub mod text;
mod transfer;
mod warnings;

pub use amount::{
    amount, column_head, convert, dose, dose_example, figure, figure_short, figure_within, fixed, grams,
    number, percent, plural, ratio, short_amounts, unit, vitamin_d_unit, VitaminDUnit, CA_MG_NOTE,
};
pub use day::{
    ala_note, completeness, gap_headline, supplement_name, unknown, ALA_FOOD_NOTE, SOURCE_LIMITED_ULS,
    VEGETARIAN_IRON_NOTE,
};
pub use form::{form_note, mark, NOT_AS_EATEN, NOT_AS_EATEN_LEGEND, NOT_AS_EATEN_SHORT};
pub use text::safe;
pub use transfer::imported;
pub use warnings::{headline, message, messages, source, NOT_ADVICE};
