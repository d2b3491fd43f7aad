enum Migration0 {}
