"""The programme-area form: which NUTS 3 regions the submitted tree selects (works without JavaScript)."""


def selected_leaves(post, tree: list[dict]) -> set[str]:
    """The NUTS 3 codes a submitted tree form selects.

    Every region of the tree has a checkbox named `nuts`; a parent's checkbox is shown ticked when all its
    NUTS 3 regions are selected, and its code is then sent again in `full` (hidden). So the form tells what
    the user changed at a parent: ticked now but not before = "select all of it"; ticked before but not now
    = "remove all of it"; otherwise its NUTS 3 checkboxes count one by one. A more specific change wins
    over a change higher up. Regions kept outside a filtered view travel in `kept` (hidden)."""
    checked = set(post.getlist("nuts"))
    was_full = set(post.getlist("full"))
    leaves = set(post.getlist("kept"))
    parents = []

    def walk(nodes, depth):
        for node in nodes:
            if node["areas"]:
                parents.append((depth, node))
                walk(node["areas"], depth + 1)
            elif node["code"] in checked:
                leaves.add(node["code"])

    walk(tree, 0)
    for _depth, node in sorted(parents, key=lambda item: item[0]):
        code = node["code"]
        if code in checked and code not in was_full:
            leaves |= _leaf_codes(node)
        elif code in was_full and code not in checked:
            leaves -= _leaf_codes(node)
    return leaves


def _leaf_codes(node) -> set[str]:
    if not node["areas"]:
        return {node["code"]}
    return set().union(*(_leaf_codes(child) for child in node["areas"]))
