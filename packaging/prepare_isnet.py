# SPDX-License-Identifier: GPL-3.0-or-later
"""Prepares the ISNet (DIS) select-subject model for OpenCV's DNN module.

Input: the unpacked npm package @imgly/background-removal-data (its folder
`package/`). `dist/resources.json` lists, for the resource `/models/medium`,
the content-addressed chunks (SHA-256 file names, byte offsets) and the total
size. This script

1. reassembles the ONNX file from its chunks, checking each chunk's SHA-256
   and the total size;
2. converts it to float32: the file stores float16 initializers and computes
   in float16 between Cast nodes, which OpenCV 4.6's ONNX importer cannot read.
   Every initializer becomes float32 and every float<->float16 Cast is removed
   (the graph then runs in float32 end to end);
3. keeps only the graph output `output` ([1,1,1024,1024], after a sigmoid) and
   drops the nodes that only fed the deep-supervision side outputs;
4. checks the result with onnx.checker and writes it atomically.

Run with Debian's interpreter (python3-onnx, python3-numpy):
    /usr/bin/python3 packaging/prepare_isnet.py PACKAGE_DIR OUT.onnx
Exit status 0 on success, 1 with a message on stderr on any failure.
"""
import hashlib
import json
import os
import sys

RESOURCE = "/models/medium"
FLOAT, FLOAT16 = 1, 10


def fail(message):
    print("prepare_isnet.py: error: " + message, file=sys.stderr)
    sys.exit(1)


def reassemble(package_dir):
    index_path = os.path.join(package_dir, "dist", "resources.json")
    try:
        with open(index_path, encoding="utf-8") as f:
            entry = json.load(f)[RESOURCE]
    except (OSError, ValueError, KeyError) as e:
        fail(f"{index_path}: cannot read the entry '{RESOURCE}' ({e})")
    parts = []
    for chunk in entry["chunks"]:
        path = os.path.join(package_dir, "dist", chunk["hash"])
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError as e:
            fail(f"{path}: missing chunk of {RESOURCE} ({e})")
        begin, end = chunk["offsets"]
        if len(data) != end - begin:
            fail(f"{path}: {len(data)} bytes, resources.json says {end - begin}")
        if hashlib.sha256(data).hexdigest() != chunk["hash"]:
            fail(f"{path}: SHA-256 does not match its name (corrupt download?)")
        parts.append(data)
    blob = b"".join(parts)
    if len(blob) != entry["size"]:
        fail(f"{RESOURCE}: reassembled {len(blob)} bytes, resources.json says {entry['size']}")
    return blob


def to_float32(model):
    import numpy as np
    from onnx import numpy_helper

    graph = model.graph
    for i, init in enumerate(graph.initializer):
        if init.data_type == FLOAT16:
            array = numpy_helper.to_array(init).astype(np.float32)
            graph.initializer[i].CopyFrom(numpy_helper.from_array(array, init.name))

    # Remove float<->float16 casts: a consumer of a cast reads the cast's input instead.
    alias = {}
    kept = []
    for node in graph.node:
        if node.op_type == "Cast" and node.attribute[0].i in (FLOAT, FLOAT16):
            alias[node.output[0]] = node.input[0]
        else:
            kept.append(node)

    def resolve(name):
        while name in alias:
            name = alias[name]
        return name

    # Keep only the main output; its producer writes the name `output` directly.
    source = resolve("output")
    for node in kept:
        for k, name in enumerate(node.input):
            name = resolve(name)
            node.input[k] = "output" if name == source else name
        for k, name in enumerate(node.output):
            if name == source:
                node.output[k] = "output"
    main_output = [o for o in graph.output if o.name == "output"]
    if len(main_output) != 1:
        fail("the model has no graph output named 'output'")
    del graph.output[:]
    graph.output.extend(main_output)

    # Drop nodes whose results nothing uses any more (the side outputs).
    needed = {"output"}
    live = []
    for node in reversed(kept):
        if any(o in needed for o in node.output):
            live.append(node)
            needed.update(i for i in node.input if i)
    live.reverse()
    del graph.node[:]
    graph.node.extend(live)
    used_inits = [t for t in graph.initializer if t.name in needed]
    del graph.initializer[:]
    graph.initializer.extend(used_inits)
    del graph.value_info[:]
    for value in list(graph.input) + list(graph.output):
        value.type.tensor_type.elem_type = FLOAT
    return model


def main():
    if len(sys.argv) != 3:
        fail("usage: prepare_isnet.py PACKAGE_DIR OUT.onnx")
    package_dir, out_path = sys.argv[1], sys.argv[2]
    try:
        import onnx
    except ImportError:
        fail("the Python module 'onnx' is missing: install the Debian package python3-onnx "
             "and run this with /usr/bin/python3")
    try:
        model = onnx.load_from_string(reassemble(package_dir))
    except Exception as e:  # a protobuf decode error has no common base class
        fail(f"{RESOURCE}: not a readable ONNX model ({e})")
    model = to_float32(model)
    try:
        onnx.checker.check_model(model)
    except onnx.checker.ValidationError as e:
        fail(f"the converted model does not pass onnx.checker: {e}")
    os.makedirs(os.path.dirname(os.path.abspath(out_path)), exist_ok=True)
    tmp = out_path + ".part"
    with open(tmp, "wb") as f:
        f.write(model.SerializeToString())
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, out_path)


if __name__ == "__main__":
    main()
