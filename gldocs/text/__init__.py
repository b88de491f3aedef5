"""Text-level helpers shared by the readers, the redactor and the leak scan."""
