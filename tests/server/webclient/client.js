// The seed's web client: the "JavaScript Client Implementation" of
// ../shared/seed/django-token-auth-guide.md, section 5, "JavaScript/Web Client", served with its
// index.html by the reference server at /web/ (tests/server/portal_server/urls.py). It is the
// web portal the desktop app replaces; tests/benchmarks/bench_web.py loads it in headless Chromium
// for the side-by-side benchmark. Adapted only where it has to talk to the reference server (each
// change is marked "Adapted:"):
//   1. The base URL is this page's own origin + /api, not http://localhost:8000/api: the page is
//      served by the server it talks to (on any port), and the server sends no CORS headers.
//   2. A failed login shows the server's message: DRF answers 400 {"non_field_errors": [...]}, not
//      {"error": ...}, so the seed's alert() would only ever say "Login failed".
//   3. The profile's values are HTML-escaped before going into innerHTML: an e-mail address may
//      legally contain "<" in a quoted local part, which the seed would have run as markup.
// Everything else is the seed's code as written.

class CustomerAPIClient {
    constructor(baseURL) {
        this.baseURL = baseURL;
        this.token = localStorage.getItem('authToken');
        this.setupEventListeners();
    }
    
    // Helper method for authenticated requests
    async makeAuthenticatedRequest(url, options = {}) {
        const headers = {
            'Content-Type': 'application/json',
            ...options.headers
        };
        
        // Add authentication token if available
        if (this.token) {
            headers['Authorization'] = `Token ${this.token}`;
        }
        
        const response = await fetch(`${this.baseURL}${url}`, {
            ...options,
            headers
        });
        
        // Handle authentication errors
        if (response.status === 401) {
            this.handleAuthError();
            throw new Error('Authentication failed');
        }
        
        return response;
    }
    
    // Registration
    async register(userData) {
        try {
            const response = await fetch(`${this.baseURL}/register/`, {
                method: 'POST',
                headers: {
                    'Content-Type': 'application/json'
                },
                body: JSON.stringify(userData)
            });
            
            if (response.ok) {
                const data = await response.json();
                this.setToken(data.token);
                return data;
            } else {
                const errors = await response.json();
                throw new Error(JSON.stringify(errors));
            }
        } catch (error) {
            console.error('Registration failed:', error);
            throw error;
        }
    }
    
    // Login
    async login(username, password) {
        try {
            const response = await fetch(`${this.baseURL}/login/`, {
                method: 'POST',
                headers: {
                    'Content-Type': 'application/json'
                },
                body: JSON.stringify({ username, password })
            });
            
            if (response.ok) {
                const data = await response.json();
                this.setToken(data.token);
                this.showProfileSection(data.customer);
                return data;
            } else {
                const error = await response.json();
                // Adapted: DRF's 400 is {"non_field_errors": [...]} (the seed read error.error).
                const message = error.error || (error.non_field_errors || []).join(' ') || 'Login failed';
                alert(message);
                throw new Error(message);
            }
        } catch (error) {
            console.error('Login failed:', error);
            throw error;
        }
    }
    
    // Get profile (requires authentication)
    async getProfile() {
        try {
            const response = await this.makeAuthenticatedRequest('/profile/', {
                method: 'GET'
            });
            
            if (response.ok) {
                return await response.json();
            } else {
                throw new Error('Failed to fetch profile');
            }
        } catch (error) {
            console.error('Profile fetch failed:', error);
            throw error;
        }
    }
    
    // Update profile (requires authentication)
    async updateProfile(profileData) {
        try {
            const response = await this.makeAuthenticatedRequest('/profile/', {
                method: 'PUT',
                body: JSON.stringify(profileData)
            });
            
            if (response.ok) {
                return await response.json();
            } else {
                const errors = await response.json();
                throw new Error(JSON.stringify(errors));
            }
        } catch (error) {
            console.error('Profile update failed:', error);
            throw error;
        }
    }
    
    // Logout
    async logout() {
        try {
            if (this.token) {
                await this.makeAuthenticatedRequest('/logout/', {
                    method: 'POST'
                });
            }
        } catch (error) {
            console.error('Logout request failed:', error);
            // Continue with local logout even if server request fails
        } finally {
            this.clearToken();
            this.showAuthSection();
        }
    }
    
    // Token management
    setToken(token) {
        this.token = token;
        localStorage.setItem('authToken', token);
    }
    
    clearToken() {
        this.token = null;
        localStorage.removeItem('authToken');
    }
    
    // Authentication error handling
    handleAuthError() {
        console.log('Authentication error - redirecting to login');
        this.clearToken();
        this.showAuthSection();
    }
    
    // UI Management
    showAuthSection() {
        document.getElementById('auth-section').style.display = 'block';
        document.getElementById('profile-section').style.display = 'none';
    }
    
    showProfileSection(customerData) {
        document.getElementById('auth-section').style.display = 'none';
        document.getElementById('profile-section').style.display = 'block';
        // Adapted: the values are escaped (the seed put them into innerHTML as they came).
        const escape = (value) => String(value).replace(/[&<>"']/g,
            (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]);
        document.getElementById('profile-data').innerHTML = `
            <p>Welcome, ${escape(customerData.username)}!</p>
            <p>Email: ${escape(customerData.email)}</p>
            <p>Birth Date: ${escape(customerData.birth_date || 'Not set')}</p>
        `;
    }
    
    // Event listeners
    setupEventListeners() {
        // Login form
        document.getElementById('login-form').addEventListener('submit', async (e) => {
            e.preventDefault();
            const username = document.getElementById('username').value;
            const password = document.getElementById('password').value;
            
            try {
                await this.login(username, password);
            } catch (error) {
                console.error('Login error:', error);
            }
        });
        
        // Logout button
        document.getElementById('logout-btn').addEventListener('click', () => {
            this.logout();
        });
        
        // Check if already logged in on page load
        if (this.token) {
            this.getProfile().then(data => {
                this.showProfileSection(data);
            }).catch(() => {
                this.handleAuthError();
            });
        }
    }
}

// Initialize the client
// Adapted: this page's own server (the seed had 'http://localhost:8000/api').
const client = new CustomerAPIClient(window.location.origin + '/api');
