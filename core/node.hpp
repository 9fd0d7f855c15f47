// Node: a parsed record as a tree that remembers where each value came from.
// The generator's loader builds it from YAML front matter, .yaml or .json files;
// validation and decoding read it, so every diagnostic can point at a line.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace simpul {

struct NodeEntry;

struct Node {
    enum class Type { Null, String, Int, Float, Bool, List, Map };

    Type type = Type::Null;
    std::string text;  // scalar text as written (String, Int, Float, Bool)
    long long int_value = 0;
    bool bool_value = false;
    std::vector<Node> items;         // List
    std::vector<NodeEntry> entries;  // Map, in file order
    int line = 0;                    // 1-based position of the value
    int col = 0;

    bool is_scalar() const;
    // The entry with this key, or nullptr.
    const NodeEntry* entry(std::string_view key) const;
    // The value under this key, or nullptr.
    const Node* get(std::string_view key) const;
    // Every member equal, positions included (defined where NodeEntry is complete).
    bool operator==(const Node&) const;
};

struct NodeEntry {
    std::string key;
    int line = 0;  // position of the key
    int col = 0;
    Node value;
    bool operator==(const NodeEntry&) const = default;
};

// Human name of a node type, used in "expected a list, found text".
const char* node_type_name(Node::Type t);

}  // namespace simpul
