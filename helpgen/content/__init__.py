"""Content: Markdown files -> Article, `{{ support.… }}` variables, the catalog of categories, the pages
helpgen generates (home, category, contact), and `helpgen init`/`new` scaffolding.
"""
