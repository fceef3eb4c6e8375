// search client
