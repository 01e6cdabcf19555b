"""Evidence from documents: read news, NGO reports and PDFs, find mentions of listed parties and Xinjiang places,
link them to list entries with a score and a reason, and keep the quote, the source and the date."""
