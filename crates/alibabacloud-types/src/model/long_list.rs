//! The likely length of a document's first long list, estimated before the document is
//! decoded, so that the list is read straight into a vector of about its length.
//!
//! Without it, a long list is read in blocks and then moved into a vector of its exact length
//! (see [`SeqVisitor`](super::SeqVisitor)): for a moment both hold the whole list, which is
//! what peaks when a large answer (a page of thousands of items) is decoded. A decoder that
//! holds the whole text of a document (the core holds a response's body) can first walk the
//! beginning of it with [`long_list_estimate`]: up to the first list that reaches
//! [`LONG_LIST`] items, nothing allocated. Where that list's items are in the text (the
//! strings JSON decoders lend from it) gives the bytes an item takes, and so about how many
//! items the rest of the text holds: exactly, for a page of items that look alike and end the
//! document, as pages do. Decoded within [`with_long_list_estimate`], the first list that
//! reaches [`LONG_LIST`] items takes the estimate. An estimate that is wrong costs memory for
//! a moment, never items: a list longer than estimated reads the rest in blocks, one shorter
//! lets go of the spare room, and an estimate that would take more than twice the text's size
//! is not used.

use std::cell::Cell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

/// How many items make a list long: the point where a list being decoded asks for its
/// estimated length.
pub(crate) const LONG_LIST: usize = 64;

/// How far into the text the first long list's [`LONG_LIST`] items must end for an estimate:
/// the walk stops there (a document with no long list near its beginning is not walked
/// through; it is decoded as without an estimate).
const WALK_BYTES: usize = 256 * 1024;

/// The estimated length of a document's first long list (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LongList {
    /// How many items the list likely has.
    items: usize,
    /// The most memory the list may take up front on the strength of the estimate: twice
    /// the text's size.
    max_bytes: usize,
}

impl LongList {
    /// How many items the list likely has.
    pub fn items(&self) -> usize {
        self.items
    }
}

thread_local! {
    /// The estimate for the document this thread decodes, until a list takes it.
    static ESTIMATE: Cell<Option<LongList>> = const { Cell::new(None) };
}

/// Runs `decode` (which decodes a document on this thread, at once) with `estimate`, the
/// likely length of the document's first long list as [`long_list_estimate`] found it.
pub fn with_long_list_estimate<R>(estimate: Option<LongList>, decode: impl FnOnce() -> R) -> R {
    /// Puts back what was there before, also if `decode` panics.
    struct Restore(Option<LongList>);

    impl Drop for Restore {
        fn drop(&mut self) {
            ESTIMATE.set(self.0);
        }
    }

    let _restore = Restore(ESTIMATE.replace(estimate));
    decode()
}

/// The room to make for a long list of items of `item_size` bytes, once: `None` when no
/// estimate was given, or it would take more than twice the text's size.
pub(super) fn take(item_size: usize) -> Option<usize> {
    let estimate = ESTIMATE.take()?;
    let bytes = estimate.items.checked_mul(item_size)?;
    (bytes <= estimate.max_bytes).then_some(estimate.items)
}

/// Estimates the length of the first list of `document` that reaches [`LONG_LIST`] items;
/// `text` is the document's text, which `document` decodes (lending its strings from it).
/// `None` when no list is that long within the first [`WALK_BYTES`] of the text, its items
/// hold no string to place them, or the text is not well formed (its decoding will say why).
pub fn long_list_estimate<'de, D: Deserializer<'de>>(
    document: D,
    text: &'de str,
) -> Option<LongList> {
    let mut walk = WalkState {
        start: text.as_ptr() as usize,
        len: text.len(),
        end_of_last_string: 0,
        estimate: None,
    };
    // The walk always ends in an error: at the estimate, at its limit, or at a malformed
    // document.
    let _ = Walk(&mut walk).deserialize(document);
    walk.estimate.map(|items| LongList {
        items,
        max_bytes: text.len().saturating_mul(2),
    })
}

/// What a walk has seen.
struct WalkState {
    /// Where the text is, to tell the strings lent from it.
    start: usize,
    len: usize,
    /// Where the last string lent from the text ends (an offset in the text).
    end_of_last_string: usize,
    estimate: Option<usize>,
}

impl WalkState {
    /// Notes a string the decoder lent from the text.
    fn string<E: de::Error>(&mut self, s: &str) -> Result<(), E> {
        let offset = (s.as_ptr() as usize).wrapping_sub(self.start);
        if offset <= self.len {
            self.end_of_last_string = offset + s.len();
            if self.end_of_last_string > WALK_BYTES {
                return Err(E::custom("no long list near the beginning"));
            }
        }
        Ok(())
    }
}

/// Walks one value.
struct Walk<'a>(&'a mut WalkState);

impl<'de> DeserializeSeed<'de> for Walk<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Walk<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_i128<E>(self, _: i128) -> Result<(), E> {
        Ok(())
    }

    fn visit_u128<E>(self, _: u128) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<(), E> {
        self.0.string(s)
    }

    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        // A string with escapes, decoded into a buffer: not in the text.
        Ok(())
    }

    fn visit_bytes<E>(self, _: &[u8]) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_none<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        self.deserialize(d)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        self.deserialize(d)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let state = self.0;
        let mut items = 0;
        let mut end_of_first = 0;
        while seq.next_element_seed(Walk(&mut *state))?.is_some() {
            items += 1;
            if items == 1 {
                end_of_first = state.end_of_last_string;
            }
            if items == LONG_LIST {
                // The bytes of the items after the first, and the text after them: about
                // as many items again per item's bytes.
                let span = state.end_of_last_string.saturating_sub(end_of_first);
                let per_item = span / (LONG_LIST - 1);
                let rest = state.len.saturating_sub(state.end_of_last_string);
                state.estimate = rest
                    .checked_div(per_item)
                    .map(|more| LONG_LIST.saturating_add(more));
                return Err(de::Error::custom("the first long list is found"));
            }
        }
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_key_seed(Walk(&mut *self.0))?.is_some() {
            map.next_value_seed(Walk(&mut *self.0))?;
        }
        Ok(())
    }
}
