# Install rules: filled in by packaging work. The executable itself is installed from app/.
include(GNUInstallDirs)
