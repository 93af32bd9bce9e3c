"""A bare Textual app with a 50-row DataTable: the floor for startup.py's figures."""

from textual.app import App
from textual.widgets import DataTable


class Bare(App):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self):
        yield DataTable()

    def on_mount(self):
        table = self.query_one(DataTable)
        table.add_columns("Citizen", "Purpose", "Week")
        table.add_rows([(f"Citizen {n}", "Job", f"{n}/26") for n in range(50)])


if __name__ == "__main__":
    Bare().run()
