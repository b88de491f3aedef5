"""The caseworker's review: the diff, the decisions file and the local review page.

    decisions   load_decisions / save_decisions / apply_decisions / undecided / problem_lines
    view        build_view(plan, decisions, edits): the plan laid out part by part
    diff        render_diff(view, color) / diff_text(plan, ...): the terminal diff
    html        render_html(view, ...): the self-contained HTML report
    server      ReviewSession + ReviewServer: the page on 127.0.0.1 with a one-time token
    pipeline    prepare(Request, decisions_path), write_output(doc, plan, out): input to plan
                and approved plan to output, shared with export
    commands    gldocs diff, gldocs review
"""
