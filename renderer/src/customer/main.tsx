// Placeholder: the customer display page is being built (issue 6).
export {};
