//! The built-in pack as `build.rs` leaves it: its merged TOML as a tree of
//! static nodes (no pointers, so nothing for the loader to relocate) and one
//! text holding every string, read by a serde deserializer that parses
//! nothing. The pack's own `Deserialize` impls build it, exactly as from
//! TOML or JSON; only the reading is gone.

use serde::de::value::{BorrowedStrDeserializer, Error};
use serde::de::{self, DeserializeSeed, Visitor};

/// One value of the tree. Children of an array or a table are a run of
/// [`Tree::nodes`]; a table's run alternates keys (strings) and values.
#[derive(Debug, Clone, Copy)]
pub enum Node {
    Bool(bool),
    Int(i64),
    /// (No built-in pack holds one yet.)
    #[allow(dead_code)]
    Float(f64),
    /// A byte range of [`Tree::text`].
    Str(u32, u32),
    /// `len` items from `start`.
    Array(u32, u32),
    /// `len` key-value pairs (`2 * len` nodes) from `start`.
    Table(u32, u32),
}

/// A whole tree: the root is the last node.
pub struct Tree {
    pub nodes: &'static [Node],
    pub text: &'static str,
}

impl Tree {
    /// The value at the root, deserialized.
    pub fn deserialize<T: de::Deserialize<'static>>(&'static self) -> Result<T, Error> {
        let root = self.nodes.len().checked_sub(1).ok_or_else(|| de::Error::custom("an empty tree"))?;
        T::deserialize(At { tree: self, node: root })
    }

    fn str(&'static self, from: u32, len: u32) -> &'static str {
        self.text.get(from as usize..(from + len) as usize).unwrap_or_default()
    }
}

#[derive(Clone, Copy)]
struct At {
    tree: &'static Tree,
    node: usize,
}

impl de::Deserializer<'static> for At {
    type Error = Error;

    fn deserialize_any<V: Visitor<'static>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.tree.nodes.get(self.node) {
            Some(Node::Bool(b)) => visitor.visit_bool(*b),
            Some(Node::Int(i)) => visitor.visit_i64(*i),
            Some(Node::Float(f)) => visitor.visit_f64(*f),
            Some(Node::Str(from, len)) => visitor.visit_borrowed_str(self.tree.str(*from, *len)),
            Some(Node::Array(start, len)) => {
                visitor.visit_seq(Items { tree: self.tree, next: *start as usize, end: (*start + *len) as usize })
            }
            Some(Node::Table(start, len)) => {
                visitor.visit_map(Items { tree: self.tree, next: *start as usize, end: (*start + 2 * *len) as usize })
            }
            None => Err(de::Error::custom("a node outside the tree")),
        }
    }

    fn deserialize_option<V: Visitor<'static>>(self, visitor: V) -> Result<V::Value, Error> {
        // TOML has no null: a value that is there is some.
        visitor.visit_some(self)
    }

    fn deserialize_enum<V: Visitor<'static>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.tree.nodes.get(self.node) {
            // A unit variant, by its name.
            Some(Node::Str(from, len)) => {
                let _ = variants;
                let s: BorrowedStrDeserializer<'static, Error> =
                    BorrowedStrDeserializer::new(self.tree.str(*from, *len));
                visitor.visit_enum(s)
            }
            _ => Err(de::Error::custom(format!("enum {name}: only unit variants are read from the tree"))),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'static>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        <W: Visitor<'static>>
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map struct identifier
    }
}

/// The items of an array, or the keys and values of a table.
struct Items {
    tree: &'static Tree,
    next: usize,
    end: usize,
}

impl de::SeqAccess<'static> for Items {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'static>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        if self.next >= self.end {
            return Ok(None);
        }
        self.next += 1;
        seed.deserialize(At { tree: self.tree, node: self.next - 1 }).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.end - self.next)
    }
}

impl de::MapAccess<'static> for Items {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'static>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        if self.next >= self.end {
            return Ok(None);
        }
        self.next += 1;
        seed.deserialize(At { tree: self.tree, node: self.next - 1 }).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'static>>(&mut self, seed: V) -> Result<V::Value, Error> {
        self.next += 1;
        seed.deserialize(At { tree: self.tree, node: self.next - 1 })
    }

    fn size_hint(&self) -> Option<usize> {
        Some((self.end - self.next) / 2)
    }
}
