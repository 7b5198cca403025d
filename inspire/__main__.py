from inspire.cli import app

app()
