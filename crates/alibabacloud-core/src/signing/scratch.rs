//! A small list that lives on the stack while it is short, so that sorting the handful of
//! headers and query parameters of a typical call costs no heap allocation.

/// Up to `N` items inline; more spill to a `Vec`.
pub(crate) enum Scratch<T: Copy + Default, const N: usize> {
    Inline { items: [T; N], len: usize },
    Heap(Vec<T>),
}

impl<T: Copy + Default, const N: usize> Scratch<T, N> {
    /// An empty list that will hold about `expected` items.
    pub(crate) fn with_expected(expected: usize) -> Self {
        if expected <= N {
            Scratch::Inline {
                items: [T::default(); N],
                len: 0,
            }
        } else {
            Scratch::Heap(Vec::with_capacity(expected))
        }
    }

    /// Appends `item`, spilling to the heap when the inline space is full.
    #[inline]
    pub(crate) fn push(&mut self, item: T) {
        match self {
            Scratch::Inline { items, len } => {
                if let Some(slot) = items.get_mut(*len) {
                    *slot = item;
                    *len += 1;
                } else {
                    let mut spilled = Vec::with_capacity(N * 2);
                    spilled.extend_from_slice(items);
                    spilled.push(item);
                    *self = Scratch::Heap(spilled);
                }
            }
            Scratch::Heap(items) => items.push(item),
        }
    }

    /// The items pushed so far.
    pub(crate) fn as_slice(&self) -> &[T] {
        match self {
            Scratch::Inline { items, len } => &items[..*len],
            Scratch::Heap(items) => items,
        }
    }

    /// The items pushed so far, to sort them.
    pub(crate) fn as_mut_slice(&mut self) -> &mut [T] {
        match self {
            Scratch::Inline { items, len } => &mut items[..*len],
            Scratch::Heap(items) => items,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Scratch;

    #[test]
    fn spills_to_the_heap_and_keeps_order() {
        let mut s: Scratch<u32, 2> = Scratch::with_expected(1);
        for i in 0..5 {
            s.push(i);
        }
        assert_eq!(s.as_mut_slice(), &[0, 1, 2, 3, 4]);
        assert_eq!(s.as_slice(), &[0, 1, 2, 3, 4]);
        let mut big: Scratch<u32, 2> = Scratch::with_expected(10);
        big.push(7);
        assert_eq!(big.as_mut_slice(), &[7]);
    }
}
