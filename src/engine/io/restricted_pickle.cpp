// SPDX-License-Identifier: GPL-3.0-or-later
// The opcode loop. Opcodes and their arguments follow CPython's
// Lib/pickletools.py; the stack/mark discipline follows Lib/pickle.py's
// _Unpickler (a MARK starts a fresh stack, so nothing below it can be popped).
#include "engine/io/restricted_pickle_machine.h"

#include "core/error.h"

#include <cstring>
#include <limits>

namespace atelier::engine::pickle {
namespace {

constexpr std::size_t kMaxLine = 256; // GLOBAL module and name lines

const char* knownOpcodeName(std::uint8_t op) {
    switch (op) {
    case '(': return "MARK"; case '.': return "STOP"; case '0': return "POP"; case '1': return "POP_MARK";
    case '2': return "DUP"; case 'F': return "FLOAT"; case 'I': return "INT"; case 'J': return "BININT";
    case 'K': return "BININT1"; case 'L': return "LONG"; case 'M': return "BININT2"; case 'N': return "NONE";
    case 'P': return "PERSID"; case 'Q': return "BINPERSID"; case 'R': return "REDUCE"; case 'S': return "STRING";
    case 'T': return "BINSTRING"; case 'U': return "SHORT_BINSTRING"; case 'V': return "UNICODE";
    case 'X': return "BINUNICODE"; case 'a': return "APPEND"; case 'b': return "BUILD"; case 'c': return "GLOBAL";
    case 'd': return "DICT"; case '}': return "EMPTY_DICT"; case 'e': return "APPENDS"; case 'g': return "GET";
    case 'h': return "BINGET"; case 'i': return "INST"; case 'j': return "LONG_BINGET"; case 'l': return "LIST";
    case ']': return "EMPTY_LIST"; case 'o': return "OBJ"; case 'p': return "PUT"; case 'q': return "BINPUT";
    case 'r': return "LONG_BINPUT"; case 's': return "SETITEM"; case 't': return "TUPLE"; case ')': return "EMPTY_TUPLE";
    case 'u': return "SETITEMS"; case 'G': return "BINFLOAT"; case 'B': return "BINBYTES"; case 'C': return "SHORT_BINBYTES";
    case 0x80: return "PROTO"; case 0x81: return "NEWOBJ"; case 0x82: return "EXT1"; case 0x83: return "EXT2";
    case 0x84: return "EXT4"; case 0x85: return "TUPLE1"; case 0x86: return "TUPLE2"; case 0x87: return "TUPLE3";
    case 0x88: return "NEWTRUE"; case 0x89: return "NEWFALSE"; case 0x8a: return "LONG1"; case 0x8b: return "LONG4";
    case 0x8c: return "SHORT_BINUNICODE"; case 0x8d: return "BINUNICODE8"; case 0x8e: return "BINBYTES8";
    case 0x8f: return "EMPTY_SET"; case 0x90: return "ADDITEMS"; case 0x91: return "FROZENSET"; case 0x92: return "NEWOBJ_EX";
    case 0x93: return "STACK_GLOBAL"; case 0x94: return "MEMOIZE"; case 0x95: return "FRAME"; case 0x96: return "BYTEARRAY8";
    case 0x97: return "NEXT_BUFFER"; case 0x98: return "READONLY_BUFFER";
    default: return nullptr;
    }
}

Value scalar(Kind kind, std::int64_t integer = 0) {
    Value v;
    v.kind = kind;
    v.integer = integer;
    return v;
}

Value sequence(Kind kind, std::vector<Ref> items) {
    Value v;
    v.kind = kind;
    v.items = std::move(items);
    return v;
}

} // namespace

std::string opcodeName(std::uint8_t opcode) {
    if (const char* name = knownOpcodeName(opcode)) return name;
    static const char* digits = "0123456789abcdef";
    return std::string("0x") + digits[opcode >> 4] + digits[opcode & 15];
}

Graph unpickleRestricted(const std::uint8_t* bytes, std::size_t size) { return Machine(bytes, size).run(); }

void Machine::fail(const std::string& message) const {
    throw Error("pickle opcode " + opcodeName(m_op) + " at byte " + std::to_string(m_opStart) + ": " + message);
}

const std::uint8_t* Machine::take(std::size_t n) {
    if (n > m_size - m_pos) fail("argument runs past the end of the pickle (truncated?)");
    const std::uint8_t* p = m_bytes + m_pos;
    m_pos += n;
    return p;
}

std::uint64_t Machine::readLe(std::size_t n) {
    const std::uint8_t* p = take(n);
    std::uint64_t v = 0;
    for (std::size_t i = n; i-- > 0;) v = (v << 8) | p[i];
    return v;
}

std::string Machine::readText(std::uint64_t length) {
    if (length > m_size - m_pos) fail("a length of " + std::to_string(length) + " runs past the end of the pickle");
    const std::uint8_t* p = take(static_cast<std::size_t>(length));
    return std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(length));
}

std::string Machine::readLine() {
    std::string line;
    for (;;) {
        const char c = static_cast<char>(*take(1));
        if (c == '\n') return line;
        if (line.size() >= kMaxLine) fail("a text line longer than " + std::to_string(kMaxLine) + " bytes");
        line += c;
    }
}

Ref Machine::make(Value value) {
    if (m_graph.values.size() >= std::numeric_limits<Ref>::max()) fail("too many objects");
    m_graph.values.push_back(std::move(value));
    return static_cast<Ref>(m_graph.values.size() - 1);
}

Ref Machine::pop() {
    const std::size_t floor = m_marks.empty() ? 0 : m_marks.back();
    if (m_stack.size() <= floor) fail(m_marks.empty() ? "the stack is empty" : "nothing above the MARK to pop");
    const Ref ref = m_stack.back();
    m_stack.pop_back();
    return ref;
}

Ref Machine::top() const {
    const std::size_t floor = m_marks.empty() ? 0 : m_marks.back();
    if (m_stack.size() <= floor) fail(m_marks.empty() ? "the stack is empty" : "nothing above the MARK");
    return m_stack.back();
}

std::vector<Ref> Machine::popToMark() {
    if (m_marks.empty()) fail("no MARK to pop to");
    const std::size_t mark = m_marks.back();
    m_marks.pop_back();
    std::vector<Ref> items(m_stack.begin() + static_cast<std::ptrdiff_t>(mark), m_stack.end());
    m_stack.resize(mark);
    return items;
}

Ref Machine::get(std::uint64_t key) const {
    const auto it = m_memo.find(key);
    if (it == m_memo.end()) fail("memo entry " + std::to_string(key) + " was never stored");
    return it->second;
}

void Machine::memoize(std::uint64_t key) { m_memo[key] = top(); }

// Little-endian two's complement, as LONG1/LONG4 store it; wider than 64 bits becomes Opaque.
Ref Machine::makeInt(const std::uint8_t* bytes, std::size_t n) {
    if (n > 8) {
        Value big;
        big.kind = Kind::Opaque;
        big.text = "int wider than 64 bits";
        return make(std::move(big));
    }
    std::uint64_t v = 0;
    for (std::size_t i = n; i-- > 0;) v = (v << 8) | bytes[i];
    if (n > 0 && n < 8 && (bytes[n - 1] & 0x80)) v |= ~std::uint64_t{0} << (8 * n);
    std::int64_t s;
    std::memcpy(&s, &v, sizeof s);
    return make(scalar(Kind::Int, s));
}

Graph Machine::run() {
    while (m_pos < m_size) {
        m_opStart = m_pos;
        m_op = *take(1);
        if (!step(m_op)) {
            if (m_stack.size() != 1 || !m_marks.empty()) {
                fail("STOP leaves " + std::to_string(m_stack.size()) + " objects and " +
                     std::to_string(m_marks.size()) + " MARKs on the stack");
            }
            m_graph.root = m_stack.back();
            return std::move(m_graph);
        }
    }
    m_opStart = m_size;
    throw Error("the pickle ends at byte " + std::to_string(m_size) + " without STOP (truncated?)");
}

// Runs one opcode; false on STOP.
bool Machine::step(std::uint8_t op) {
    switch (op) {
    case 0x80: // PROTO
        if (*take(1) > 5) fail("pickle protocol " + std::to_string(m_bytes[m_pos - 1]) + " is newer than 5");
        return true;
    case 0x95: readLe(8); return true; // FRAME: framing is transparent to the reader
    case '.': return false;
    case '(': m_marks.push_back(m_stack.size()); return true;
    case '0': pop(); return true;
    case '1': popToMark(); return true;
    case '2': push(top()); return true;
    case 'N': push(make(scalar(Kind::None))); return true;
    case 0x88: push(make(scalar(Kind::Bool, 1))); return true;
    case 0x89: push(make(scalar(Kind::Bool, 0))); return true;
    case 'K': push(make(scalar(Kind::Int, static_cast<std::int64_t>(readLe(1))))); return true;
    case 'M': push(make(scalar(Kind::Int, static_cast<std::int64_t>(readLe(2))))); return true;
    case 'J': push(makeInt(take(4), 4)); return true;
    case 0x8a: { const std::size_t n = static_cast<std::size_t>(readLe(1)); push(makeInt(take(n), n)); return true; }
    case 0x8b: {
        const std::uint64_t n = readLe(4);
        if (n > m_size - m_pos) fail("a length of " + std::to_string(n) + " runs past the end of the pickle");
        push(makeInt(take(static_cast<std::size_t>(n)), static_cast<std::size_t>(n)));
        return true;
    }
    case 'G': {
        const std::uint8_t* p = take(8);
        std::uint64_t bits = 0;
        for (int i = 0; i < 8; ++i) bits = (bits << 8) | p[i]; // big-endian
        Value v = scalar(Kind::Float);
        std::memcpy(&v.real, &bits, sizeof v.real);
        push(make(std::move(v)));
        return true;
    }
    case 'X': case 0x8c: case 0x8d: case 'T': case 'U': case 'B': case 'C': case 0x8e: case 0x96: {
        const std::size_t width = (op == 0x8c || op == 'U' || op == 'C') ? 1 : (op == 0x8d || op == 0x8e || op == 0x96) ? 8 : 4;
        const std::uint64_t length = readLe(width);
        if (op == 'T' && (length & 0x80000000u)) fail("negative length");
        Value v = scalar((op == 'B' || op == 'C' || op == 0x8e || op == 0x96) ? Kind::Bytes : Kind::Str);
        v.text = readText(length);
        push(make(std::move(v)));
        return true;
    }
    case '}': push(make(scalar(Kind::Dict))); return true;
    case ']': push(make(scalar(Kind::List))); return true;
    case ')': push(make(scalar(Kind::Tuple))); return true;
    case 't': push(make(sequence(Kind::Tuple, popToMark()))); return true;
    case 'l': push(make(sequence(Kind::List, popToMark()))); return true;
    case 0x85: case 0x86: case 0x87: {
        std::vector<Ref> items(static_cast<std::size_t>(op - 0x84));
        for (std::size_t i = items.size(); i-- > 0;) items[i] = pop();
        push(make(sequence(Kind::Tuple, std::move(items))));
        return true;
    }
    case 'd': case 's': case 'u': {
        std::vector<Ref> items;
        if (op == 's') {
            const Ref value = pop(), key = pop();
            items = {key, value};
        } else {
            items = popToMark();
        }
        if (items.size() % 2 != 0) fail("an odd number of items for key/value pairs");
        if (op == 'd') {
            push(make(sequence(Kind::Dict, std::move(items))));
            return true;
        }
        const Ref dict = top();
        if (val(dict).kind != Kind::Dict) fail("sets items on " + describe(val(dict).kind) + ", not a dict");
        auto& target = val(dict).items;
        target.insert(target.end(), items.begin(), items.end());
        return true;
    }
    case 'a': case 'e': {
        std::vector<Ref> items;
        if (op == 'a') items.push_back(pop());
        else items = popToMark();
        const Ref list = top();
        if (val(list).kind != Kind::List) fail("appends to " + describe(val(list).kind) + ", not a list");
        val(list).items.insert(val(list).items.end(), items.begin(), items.end());
        return true;
    }
    case 0x8f: { Value set = scalar(Kind::Opaque); set.text = "set"; push(make(std::move(set))); return true; }
    case 0x90: { // ADDITEMS: sets are never read, so the items are dropped
        popToMark();
        if (val(top()).kind != Kind::Opaque) fail("adds set items to " + describe(val(top()).kind));
        return true;
    }
    case 0x91: { popToMark(); Value set = scalar(Kind::Opaque); set.text = "frozenset"; push(make(std::move(set))); return true; }
    case 'q': memoize(readLe(1)); return true;
    case 'r': memoize(readLe(4)); return true;
    case 0x94: memoize(m_memo.size()); return true;
    case 'h': push(get(readLe(1))); return true;
    case 'j': push(get(readLe(4))); return true;
    case 'c': {
        const std::string module = readLine();
        const std::string name = readLine();
        push(makeGlobal(module, name));
        return true;
    }
    case 0x93: {
        const Ref name = pop(), module = pop();
        if (val(name).kind != Kind::Str || val(module).kind != Kind::Str) fail("module and name must be strings");
        push(makeGlobal(val(module).text, val(name).text));
        return true;
    }
    case 'R': { const Ref args = pop(), callable = pop(); push(reduce(callable, args)); return true; }
    case 0x81: { const Ref args = pop(), cls = pop(); push(newObject(cls, args)); return true; }
    case 'b': { const Ref state = pop(); build(top(), state); return true; }
    case 'Q': push(persistentLoad(pop())); return true;
    case 'i': case 'o': case 0x92: case 0x82: case 0x83: case 0x84:
        fail("builds arbitrary objects, which a state dict never needs; refused (Atelier never runs pickled code)");
    default:
        if (knownOpcodeName(op)) fail("is not supported here (text protocol 0/1 or out-of-band buffers)");
        fail("is not a pickle opcode (corrupt data.pkl?)");
    }
}

} // namespace atelier::engine::pickle
