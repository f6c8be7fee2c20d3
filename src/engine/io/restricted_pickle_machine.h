// SPDX-License-Identifier: GPL-3.0-or-later
// Engine-internal: the state of the restricted pickle machine, shared by the
// opcode loop (restricted_pickle.cpp) and the meaning of the allowed globals
// (restricted_pickle_globals.cpp).
#pragma once

#include "engine/io/restricted_pickle.h"

#include <unordered_map>

namespace atelier::engine::pickle {

/// One run over one pickle: a value stack with Python's mark stack (an opcode
/// can pop only what was pushed since the last MARK), a memo, and the graph of
/// every value made. All reads are bounds-checked.
class Machine {
public:
    Machine(const std::uint8_t* bytes, std::size_t size) : m_bytes(bytes), m_size(size) {}

    /// Executes opcodes until STOP; returns the graph rooted at the object left on the stack.
    Graph run();

private:
    // --- restricted_pickle.cpp: reading and the stack
    bool step(std::uint8_t op);
    const std::uint8_t* take(std::size_t n);
    std::uint64_t readLe(std::size_t n);
    std::string readText(std::uint64_t length);
    std::string readLine();
    Ref make(Value value);
    void push(Ref ref) { m_stack.push_back(ref); }
    Ref pop();
    Ref top() const;
    std::vector<Ref> popToMark();
    Ref get(std::uint64_t key) const;
    void memoize(std::uint64_t key);
    Ref makeInt(const std::uint8_t* bytes, std::size_t n);
    Value& val(Ref ref) { return m_graph.values[ref]; }
    [[noreturn]] void fail(const std::string& message) const;

    // --- restricted_pickle_globals.cpp: what the allowed globals mean
    Ref makeGlobal(const std::string& module, const std::string& name);
    Ref reduce(Ref callable, Ref args);
    Ref rebuildTensor(const std::vector<Ref>& args);
    Ref newObject(Ref cls, Ref args);
    void build(Ref target, Ref state);
    Ref persistentLoad(Ref pid);
    bool intArg(Ref ref, std::int64_t& out) const;
    bool intsArg(Ref ref, std::vector<std::int64_t>& out) const;

    const std::uint8_t* m_bytes;
    std::size_t m_size;
    std::size_t m_pos = 0;
    std::size_t m_opStart = 0; ///< byte offset of the opcode being run, for errors
    std::uint8_t m_op = 0;
    Graph m_graph;
    std::vector<Ref> m_stack;
    std::vector<std::size_t> m_marks; ///< stack sizes at each open MARK
    std::unordered_map<std::uint64_t, Ref> m_memo;
    std::map<std::string, std::size_t> m_storageByKey;
};

} // namespace atelier::engine::pickle
